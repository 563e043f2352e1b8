/**
 * Shape features of a candidate cue's content and source (feature group `content-shape`): how long the content is,
 * whether it holds a clause of its own (a finite verb after its subject: "said the economy grew" against "signed a
 * bill"), and whether the source is a person, a body or a thing ("the spokesman said" against "the bill mandates").
 * Closed-class tests only, no word identities: they describe the construction, so they carry to unseen text.
 */
import type { Token } from '../document';
import type { Candidate, Ctx, TokenRange } from './candidate';
import { G } from './feature-groups';
import { FNV_OFFSET, hashOf } from './features';
import { PERSON_PRONOUNS } from './grammar';
import { BODY_NOUNS, HUMAN_NOUNS, HUMAN_SUFFIX, SPOKESPERSON_NOUNS } from './mention-words';
import { ORGANIZATION_WORDS } from './lexicon';

/** The shape features hash like the other features (features.ts), from a seed of their own. */
const SHAPE_SEED = FNV_OFFSET ^ 0x4d3c2b1a;
const hashed = (name: string): number => hashOf(name, SHAPE_SEED);

/** A verb that can head a clause: a tensed form after its subject ("the economy grew", "he will"). */
function finiteAfterSubject(tokens: Token[], k: number, first: number): boolean {
  const t = tokens[k];
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  if (k <= first) return false;
  const p = tokens[k - 1];
  const subject = p.pos === 'NOUN' || p.pos === 'PROPN' || (p.pos === 'PRON' && p.normal !== 'to') || p.pos === 'NUM';
  if (!subject) return false;
  if (t.pos === 'AUX') return true;
  return t.normal !== t.lemma ? !t.normal.endsWith('ing') : p.pos !== 'NOUN' || !p.normal.endsWith('s');
}

/** What the source is: a person, a body, a thing, or no source phrase. */
export function sourceKind(tokens: Token[], r: TokenRange | undefined): 'person' | 'body' | 'thing' | 'name' | 'none' {
  if (!r) return 'none';
  const t = sourceHead(tokens, r);
  if (t.pos === 'PRON' || PERSON_PRONOUNS.has(t.normal)) return PERSON_PRONOUNS.has(t.normal) ? 'person' : 'thing';
  if (t.pos === 'PROPN') return 'name';
  const w = t.normal;
  if (HUMAN_NOUNS.has(w) || SPOKESPERSON_NOUNS.has(w) || HUMAN_SUFFIX.test(w)) return 'person';
  if (BODY_NOUNS.has(w) || ORGANIZATION_WORDS.has(w)) return 'body';
  return 'thing';
}

/** The head word of a source phrase. */
function sourceHead(tokens: Token[], r: TokenRange): Token {
  let h = r.last;
  while (h > r.first && !tokens[h].isWord) h--;
  return tokens[h];
}

/**
 * The shape features of candidate `c`: `clen:N` (content words, binned), `clause`/`no-clause` (a finite verb after
 * its subject in the content) and `src:KIND` (sourceKind).
 */
export function contentShapeNames(ctx: Ctx, c: Candidate): string[] {
  const { tokens } = ctx;
  let words = 0;
  let clause = false;
  for (const part of c.content) {
    for (let k = part.first; k <= part.last; k++) {
      if (tokens[k].isWord) words++;
      if (!clause && finiteAfterSubject(tokens, k, part.first)) clause = true;
    }
  }
  const len = words === 0 ? '0' : words <= 3 ? '1-3' : words <= 8 ? '4-8' : words <= 20 ? '9-20' : '21+';
  const out = [`clen:${len}`];
  if (words) out.push(clause ? 'clause' : 'no-clause');
  out.push(`src:${sourceKind(tokens, c.source)}`);
  return out;
}

/** Adds the shape features of candidate `c` to its hashed lexical context (group `content-shape`), each also crossed with its form. */
export function contentShapeFeatures(ctx: Ctx, c: Candidate): void {
  const form = hashed(c.form);
  for (const name of contentShapeNames(ctx, c)) {
    const h = hashed(name);
    c.lexical.push(h, Math.imul(h, 31) ^ form);
    c.lexicalGroup.push(G['content-shape'], G['content-shape']);
  }
}
