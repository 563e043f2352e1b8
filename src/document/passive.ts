/**
 * Passives: the one implementation of "is this a past participle" and "is this participle passive" (its auxiliary
 * chain), and the document layer of every passive participle. Two participle tests exist because the analyzers were
 * fitted with them and unifying them changes reports: `tagged` (the tagger's lemma differs from the form, or a
 * same-form participle such as "cut"; not "-ing"), used by the agency analyzer, and `spelling` (a lower-case form in
 * -ed/-en/-wn or an irregular participle), used for unattributed-assertion phrases. Attribution cues read their own
 * passive from the cue's auxiliaries (src/attribution/cues/verb.ts).
 */
import { defineLayer, type SlantDocument, type Token } from './index';

/** Past participles identical to the base form. */
const SAME_FORM_PARTICIPLES = new Set([
  'cut',
  'hit',
  'hurt',
  'put',
  'set',
  'shut',
  'beat',
  'spread',
  'shed',
  'let',
  'cast',
  'quit',
  'burst',
  'bet',
  'split',
  'upset',
  'slit',
  'thrust',
  'broadcast',
  'cost',
]);

const IRREGULAR_PARTICIPLES = new Set(
  'said told thought seen known held felt understood taught sold put cut hit set paid made found bought brought meant built read led heard shown given taken written spoken drawn forgotten'.split(
    ' ',
  ),
);

const GET_FORMS = new Set(['get', 'gets', 'got', 'gotten', 'getting']);

/** Whether a token is a past participle, by the tagger's reading (`tagged`) or by its spelling (`spelling`, lower case only: not "Judge", "Bill"). */
export function isParticiple(t: Token, test: 'tagged' | 'spelling'): boolean {
  if (test === 'tagged') {
    if (t.normal.endsWith('ing')) return false;
    return t.normal !== t.lemma || SAME_FORM_PARTICIPLES.has(t.normal);
  }
  if (t.value !== t.normal && t.value !== t.normal.replace(/^./, (c) => c.toUpperCase())) return false;
  if (t.value[0] !== t.value[0].toLowerCase()) return false;
  return t.normal.endsWith('ed') || t.normal.endsWith('en') || t.normal.endsWith('wn') || IRREGULAR_PARTICIPLES.has(t.normal);
}

/** Index of the first token of the auxiliary chain making token p passive ("has been" in "has been cut"), or -1. */
export function passiveAuxStart(tokens: Token[], p: number): number {
  const sentence = tokens[p].sentence;
  let k = p - 1;
  let skipped = 0;
  while (k >= 0 && tokens[k].sentence === sentence && skipped < 3 && (tokens[k].pos === 'ADV' || tokens[k].normal === 'not')) {
    k--;
    skipped++;
  }
  if (k < 0 || tokens[k].sentence !== sentence) return -1;
  const aux = tokens[k];
  const passive =
    aux.lemma === 'be' || aux.normal === 'being' || aux.normal === 'been' || (GET_FORMS.has(aux.normal) && aux.pos !== 'NOUN');
  if (!passive || aux.pos === 'PART') return -1;
  // extend back over the rest of the chain: "will have been", "may not be"
  let start = k;
  for (let j = k - 1; j >= 0 && tokens[j].sentence === sentence; j--) {
    const t = tokens[j];
    if (t.pos === 'AUX') start = j;
    else if (t.pos !== 'ADV' && t.normal !== 'not') break;
  }
  return start;
}

/** A headline's reduced passive: "Three killed in blast", "Protesters detained". */
export function headlinePassive(tokens: Token[], p: number): boolean {
  const t = tokens[p];
  const prev = tokens[p - 1];
  if (!prev || prev.sentence !== t.sentence || !(prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'NUM')) return false;
  if (!(t.normal.endsWith('ed') || t.normal.endsWith('en') || t.normal !== t.lemma)) return false;
  const next = tokens[p + 1];
  return !next || next.sentence !== t.sentence || next.pos === 'ADP' || next.pos === 'PUNCT';
}

/** The passives of a document: for every token, the start of its passive auxiliary chain, or -1 (not a passive participle by the `tagged` test). */
export interface Passives {
  readonly auxStart: Int32Array;
}

/** Every passive participle of a document, computed once per document on first use. */
export const passivesLayer = defineLayer('passives', (doc: SlantDocument): Passives => {
  const tokens = doc.tokens;
  const auxStart = new Int32Array(tokens.length).fill(-1);
  for (let k = 0; k < tokens.length; k++) if (isParticiple(tokens[k], 'tagged')) auxStart[k] = passiveAuxStart(tokens, k);
  return { auxStart };
});
