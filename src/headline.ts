import { defineLayer, type SlantDocument } from './document';

/**
 * The headline of a text, when its first line has a headline's shape. Analyzers mark findings inside it with
 * `evidence.headline = true`: a charged headline weighs more than a charged line in paragraph nine.
 */
export interface Headline {
  /** The first line (trimmed), 0-based UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /** Sentence range [sentenceStart, sentenceEnd) of the headline (a headline may hold two sentences: "X: Y?"). */
  sentenceStart: number;
  sentenceEnd: number;
  /** Number of word tokens in the headline. */
  wordCount: number;
}

/** A headline has at most this many words ... */
export const HEADLINE_MAX_WORDS = 30;
/** ... and at most this many characters. */
export const HEADLINE_MAX_CHARS = 250;

/** The headline layer: detected once per document, on first use. */
const headlineLayer = defineLayer('headline', (doc: SlantDocument) => detect(doc));

/**
 * The first line is a headline when it has a headline's shape: it is followed by a line break and more text, it
 * is short (at most {@link HEADLINE_MAX_WORDS} words), has at least two words, and does not end with a full stop
 * (headlines end with a word, a quotation mark, "?" or "!"; a first line ending in "." is a sentence of the body).
 * Computed once per document.
 */
export function findHeadline(doc: SlantDocument): Headline | undefined {
  return doc.layer(headlineLayer);
}

function detect(doc: SlantDocument): Headline | undefined {
  const { paragraphs, sentences, tokens, text } = doc;
  if (paragraphs.length < 2) return undefined;
  const p = paragraphs[0];
  if (p.end - p.start > HEADLINE_MAX_CHARS || p.sentenceEnd <= p.sentenceStart) return undefined;
  // the paragraph is one line: the next paragraph starts after a line break (paragraphs are lines, see findParagraphs)
  let last = p.end - 1;
  // a closing quotation mark or bracket after the final punctuation does not hide a full stop: `... said.”`
  while (last > p.start && /["'”’»)\]]/u.test(text[last])) last--;
  const final = text[last];
  if (final === '.' && !text.slice(p.start, last + 1).endsWith('...')) return undefined;
  if (final === ';' || final === ',') return undefined;
  let words = 0;
  for (let s = p.sentenceStart; s < p.sentenceEnd; s++) words += sentences[s].wordCount;
  if (words < 2 || words > HEADLINE_MAX_WORDS) return undefined;
  // there must be body text after the line
  if (!tokens.length || tokens[tokens.length - 1].end <= p.end) return undefined;
  return { start: p.start, end: p.end, sentenceStart: p.sentenceStart, sentenceEnd: p.sentenceEnd, wordCount: words };
}

/** True when sentence `index` is part of the headline. */
export function isHeadlineSentence(headline: Headline | undefined, index: number): boolean {
  return headline !== undefined && index >= headline.sentenceStart && index < headline.sentenceEnd;
}
