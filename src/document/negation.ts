/**
 * Negation before a word: the one implementation, with the word lists and window as parameters (the analyzers that
 * read negation were each fitted with their own rule, so each passes its own).
 */
import { defineLayer, type Layer, type SlantDocument, type Token } from './index';

export interface NegationRule {
  /** Words that negate what follows ("not", "never", …). */
  negators: ReadonlySet<string>;
  /** A negator followed by one of these does not negate ("not only", "no less"). */
  notNegatingAfter: ReadonlySet<string>;
  /** How many words back a negator may stand. */
  window: number;
  /** Whether a hyphen between the negator and the word keeps the negation (other punctuation always ends it). */
  hyphenContinues: boolean;
}

/** Whether a negator of `rule` stands within its window before token `first`, in the same sentence. */
export function negatedBefore(tokens: Token[], first: number, rule: NegationRule): boolean {
  const sentence = tokens[first].sentence;
  for (let k = first - 1, seen = 0; k >= 0 && seen < rule.window; k--) {
    const t = tokens[k];
    if (t.sentence !== sentence || (t.pos === 'PUNCT' && !(rule.hyphenContinues && t.value === '-'))) return false;
    if (!t.isWord) continue;
    seen++;
    if (rule.negators.has(t.normal)) {
      const next = tokens[k + 1];
      return !(next && rule.notNegatingAfter.has(next.normal));
    }
  }
  return false;
}

/**
 * The negation scopes of a rule as a document layer: `doc.layer(layer)[k]` is 1 when token k is negated under the
 * rule. Define one layer per rule, once (a layer is a key; the scopes live on each document and go with it).
 */
export function defineNegationLayer(name: string, rule: NegationRule): Layer<Uint8Array> {
  return defineLayer(`negation:${name}`, (doc: SlantDocument) => negationScopes(doc.tokens, rule));
}

// What negatedBefore reads of a token, decided once per token for the layer.
const SKIPPED = 0; // not a word: passed over
const ENDS = 1; // punctuation that ends the search
const WORD = 2; // a word that negates nothing
const NEGATES = 3; // a negator that negates
const NEGATES_NOT = 4; // a negator followed by a word that undoes it ("not only")

/**
 * `negatedBefore(tokens, k, rule)` for every token k, with the rule's word lookups made once per token instead of
 * once per token and window position: the same backward walk over what each token is to the rule.
 */
function negationScopes(tokens: Token[], rule: NegationRule): Uint8Array {
  const n = tokens.length;
  const kind = new Uint8Array(n);
  const sentence = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    sentence[k] = t.sentence;
    if (t.pos === 'PUNCT' && !(rule.hyphenContinues && t.value === '-')) kind[k] = ENDS;
    else if (!t.isWord) kind[k] = SKIPPED;
    else if (!rule.negators.has(t.normal)) kind[k] = WORD;
    else kind[k] = k + 1 < n && rule.notNegatingAfter.has(tokens[k + 1].normal) ? NEGATES_NOT : NEGATES;
  }
  const negated = new Uint8Array(n);
  for (let first = 0; first < n; first++) {
    const s = sentence[first];
    for (let k = first - 1, seen = 0; k >= 0 && seen < rule.window; k--) {
      const c = kind[k];
      if (sentence[k] !== s || c === ENDS) break;
      if (c === SKIPPED) continue;
      seen++;
      if (c >= NEGATES) {
        if (c === NEGATES) negated[first] = 1;
        break;
      }
    }
  }
  return negated;
}
