/**
 * Candidate builder for "in" + a source noun ("In a CNN poll released Monday, …", "in his view").
 */
import type { Token } from '../../document';
import { base, type Candidate, type Ctx } from '../candidate';
import { isClauseBoundary, npRight } from '../chunker';
import { contentLeft, contentRight, skipAdverbialRight } from '../content';
import { priorOf } from '../cue-table';
import { feat } from '../features';
import type { CueClass } from '../lexicon';

/** Nouns that make "in …" a source: "In a CNN poll released Monday, …", "in his view", "in a statement". */
const PREP_SOURCE_NOUNS = new Set([
  'poll',
  'polls',
  'survey',
  'surveys',
  'report',
  'study',
  'interview',
  'statement',
  'op-ed',
  'letter',
  'speech',
  'tweet',
  'book',
  'memo',
  'filing',
  'complaint',
  'column',
  'editorial',
  'article',
  'words',
  'view',
  'opinion',
  'estimate',
  'estimation',
  'analysis',
  'assessment',
  'remarks',
  'testimony',
  'post',
  'essay',
  'memoir',
  'ad',
  'advertisement',
  'video',
  'email',
  'message',
  'lawsuit',
  'suit',
  'ruling',
  'order',
  'decision',
  'judgment',
  'mind',
  'eyes',
]);

/** Whether one of the next few words is a noun that can make "in …" a source. */
export function prepositionNounAhead(tokens: Token[], k: number, hi: number): boolean {
  for (let m = k + 1; m <= hi && m - k <= 7; m++) if (PREP_SOURCE_NOUNS.has(tokens[m].normal)) return true;
  return false;
}

export function preposition(ctx: Ctx, k: number, lo: number, hi: number): Candidate | undefined {
  const { tokens } = ctx;
  const l = npRight(tokens, k + 1, hi);
  if (l < 0) return undefined;
  let head = l;
  while (head > k + 1 && !tokens[head].isWord) head--;
  if (!PREP_SOURCE_NOUNS.has(tokens[head].normal)) return undefined;
  const p = priorOf(ctx, 'in', 'p') ?? { prior: 0.3, cls: 'noun' as CueClass };
  const c = base(k, 'in', p.cls, 'preposition', p.prior);
  c.features.push('preposition', feat('prep-noun-', tokens[head].lemma));
  // "a CNN poll released Monday": a participle and its time adverbial stay in the source
  let end = l;
  if (tokens[end + 1] && end + 1 <= hi && tokens[end + 1].pos === 'VERB' && tokens[end + 1].normal.endsWith('ed')) {
    end = skipAdverbialRight(ctx, end + 2, hi) - 1;
    if (end < l + 1) end = l + 1;
  }
  c.source = { first: k + 1, last: end };
  c.sourceSide = 'right';
  const atStart = k === lo || isClauseBoundary(tokens[k - 1]) || (tokens[k - 1].pos === 'ADV' && k - 1 === lo);
  if (atStart) {
    c.features.push('prep-initial');
    contentRight(ctx, c, end + 1, hi);
  } else {
    contentLeft(ctx, c, k - 1, lo);
  }
  if (!c.content.length) c.features.push('no-content');
  return c;
}
