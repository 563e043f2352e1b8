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
  return defineLayer(`negation:${name}`, (doc: SlantDocument) => {
    const tokens = doc.tokens;
    const negated = new Uint8Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) if (negatedBefore(tokens, k, rule)) negated[k] = 1;
    return negated;
  });
}
