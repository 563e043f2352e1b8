/**
 * Candidate builder for a colon after a source ("Newspaper: …" in a headline, "Jane Doe: “…”" in the body).
 */
import { base, type Candidate, type Ctx } from '../candidate';
import { hasProper, npLeft } from '../chunker';
import { contentRight } from '../content';
import { feat } from '../features';
import { ANONYMOUS_NOUNS, DOCUMENT_NOUNS, ORGANIZATION_WORDS, PERSON_TITLES, VAGUE_NOUNS } from '../lexicon';
import { FEMALE_NAMES, MALE_NAMES } from '../names';
import { sourceShape } from '../source-span';
import { isCapitalized, isQuoteMark } from '../tokens';

export function colon(ctx: Ctx, k: number, lo: number, hi: number, paragraph: number): Candidate | undefined {
  const { tokens } = ctx;
  // "Newspaper: Defense secretary used personal email" (headline), "Jane Doe: “…”" (body)
  const next = tokens[k + 1];
  if (!next || k + 1 > hi) return undefined;
  const quoteNext = ctx.openMark[k + 1] >= 0 || isQuoteMark(next);
  const headline = paragraph === 0;
  if (!headline && !quoteNext) return undefined;
  // the part before the colon must be a short noun phrase (after a dash, if any)
  let s = k - 1;
  while (s >= lo && k - s <= 7 && tokens[s].value !== '-' && tokens[s].value !== '—' && tokens[s].value !== '–') s--;
  const from = s + 1;
  if (from >= k || k - from > 6) return undefined;
  // a headline "Clinton to Voters: …", "Mayor To Critics: …": the speaker before "to", the audience after it
  if (headline) {
    for (let j = from + 1; j < k - 1; j++) {
      if (tokens[j].normal !== 'to') continue;
      if (npLeft(tokens, j - 1, from) !== from || !namesSource(ctx, from, j - 1) || !isCapitalized(tokens[j + 1])) break;
      const c = base(k, ':', 'speech', 'colon', 0.5);
      c.source = { first: from, last: j - 1 };
      c.sourceSide = 'left';
      c.features.push('colon', 'colon-headline', feat('src-', sourceShape(tokens, c.source)));
      contentRight(ctx, c, k + 1, hi);
      if (!c.content.length) c.features.push('no-content');
      return c;
    }
  }
  const f0 = npLeft(tokens, k - 1, from);
  if (f0 !== from) return undefined;
  if (!hasProper(tokens, from, k - 1) && !isCapitalized(tokens[from])) return undefined;
  // in a title-case headline every word is capitalised: the part before the colon must name a source (a name used
  // in the body, or a source noun such as "Newspaper", "Officials", "Poll")
  if (headline && !namesSource(ctx, from, k - 1)) return undefined;
  const c = base(k, ':', 'speech', 'colon', headline ? 0.5 : 0.6);
  c.source = { first: from, last: k - 1 };
  c.sourceSide = 'left';
  c.features.push('colon', headline ? 'colon-headline' : 'colon-quote', feat('src-', sourceShape(tokens, c.source)));
  contentRight(ctx, c, k + 1, hi);
  if (!c.content.length) c.features.push('no-content');
  return c;
}

/** Whether tokens [a, b] name a source: a word capitalised mid-sentence in the body, or a source noun. */
function namesSource(ctx: Ctx, a: number, b: number): boolean {
  const { tokens } = ctx;
  if (!ctx.bodyNames) {
    const names = new Set<string>();
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.paragraph === 0 || !isCapitalized(t) || !t.isWord) continue;
      const prev = tokens[k - 1];
      if (prev.sentence !== t.sentence || isQuoteMark(prev) || prev.value === ':') continue; // sentence-initial
      names.add(t.normal);
    }
    ctx.bodyNames = names;
  }
  for (let k = a; k <= b; k++) {
    const n = tokens[k].normal;
    const l = tokens[k].lemma;
    // a person's name by its given name ("Ann Coulter: …")
    if (
      k < b &&
      (FEMALE_NAMES.has(n) || MALE_NAMES.has(n)) &&
      isCapitalized(tokens[k]) &&
      isCapitalized(tokens[k + 1]) &&
      tokens[k + 1].isWord
    )
      return true;
    if (n === 'newspaper' || n === 'newspapers') return true;
    if (
      ctx.bodyNames.has(n) ||
      DOCUMENT_NOUNS.has(n) ||
      ANONYMOUS_NOUNS.has(n) ||
      VAGUE_NOUNS.has(n) ||
      PERSON_TITLES.has(l) ||
      ORGANIZATION_WORDS.has(n)
    )
      return true;
  }
  return false;
}
