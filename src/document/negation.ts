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

// What a token is to a rule's backward search for a negator.
const SKIPPED = 0; // not a word: passed over
const ENDS = 1; // punctuation that ends the search
const WORD = 2; // a word that negates nothing
const NEGATES = 3; // a negator that negates
const NEGATES_NOT = 4; // a negator followed by a word that undoes it ("not only")

function kindOf(tokens: Token[], k: number, rule: NegationRule): number {
  const t = tokens[k];
  if (t.pos === 'PUNCT' && !(rule.hyphenContinues && t.value === '-')) return ENDS;
  if (!t.isWord) return SKIPPED;
  if (!rule.negators.has(t.normal)) return WORD;
  const next = tokens[k + 1];
  return next && rule.notNegatingAfter.has(next.normal) ? NEGATES_NOT : NEGATES;
}

/** The backward search from token `first`, over what each token is to the rule (`kind`). */
function negatedFrom(tokens: Token[], first: number, window: number, kind: (k: number) => number): boolean {
  const sentence = tokens[first].sentence;
  for (let k = first - 1, seen = 0; k >= 0 && seen < window; k--) {
    if (tokens[k].sentence !== sentence) return false;
    const c = kind(k);
    if (c === ENDS) return false;
    if (c === SKIPPED) continue;
    seen++;
    if (c >= NEGATES) return c === NEGATES;
  }
  return false;
}

/** Whether a negator of `rule` stands within its window before token `first`, in the same sentence. */
export function negatedBefore(tokens: Token[], first: number, rule: NegationRule): boolean {
  return negatedFrom(tokens, first, rule.window, (k) => kindOf(tokens, k, rule));
}

/**
 * The negation scopes of a rule as a document layer: `doc.layer(layer)[k]` is 1 when token k is negated under the
 * rule. Define one layer per rule, once (a layer is a key; the scopes live on each document and go with it). Each
 * token's kind is decided once, then the same search as {@link negatedBefore} runs over those kinds.
 */
export function defineNegationLayer(name: string, rule: NegationRule): Layer<Uint8Array> {
  return defineLayer(`negation:${name}`, (doc: SlantDocument) => {
    const tokens = doc.tokens;
    const kinds = new Uint8Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) kinds[k] = kindOf(tokens, k, rule);
    const kind = (k: number): number => kinds[k];
    const negated = new Uint8Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) if (negatedFrom(tokens, k, rule.window, kind)) negated[k] = 1;
    return negated;
  });
}
