/**
 * The document model every analyzer reads: tokens, sentences, paragraphs and quotations with exact UTF-16 offsets,
 * and its layers (attribution, headline, lexicon scans, …), each computed once per document on first use and cached
 * on the document itself, never in module-level state. Built by `parseDocument` (src/document/build.ts).
 */
import type { Attribution } from '../attribution/types';
import type { QuotationKind, TokenVoice } from '../enums';
import type { Span } from './span';

export type { Span } from './span';

export type { QuotationKind, TokenVoice, Voice } from '../enums';

export interface Token {
  /** Position in `doc.tokens` (whitespace-only tokens are not kept). */
  index: number;
  start: number;
  end: number;
  /** The token exactly as in the text. */
  value: string;
  /** Lower-cased form, contractions expanded ("n't" → "not"). */
  normal: string;
  lemma: string;
  /** Universal POS tag from wink's model (NOUN, VERB, PROPN, PUNCT, ...). */
  pos: string;
  /** wink token type: word, number, punctuation, emoji, url, ... */
  type: string;
  /** True when the token contains a letter or a digit. */
  isWord: boolean;
  sentence: number;
  paragraph: number;
  /** Innermost quotation containing the token, or -1. */
  quotation: number;
  /** 'quoted' inside a direct or block quotation; scare quotes stay in the writer's voice. */
  voice: TokenVoice;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
  /** Number of word tokens in the sentence. */
  wordCount: number;
  /** Number of word tokens in the writer's voice. */
  writerWordCount: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  /** Sentence range [sentenceStart, sentenceEnd). */
  sentenceStart: number;
  sentenceEnd: number;
}

export interface Quotation {
  index: number;
  /** From the opening mark to just after the closing mark (or to the paragraph end when never closed). */
  start: number;
  end: number;
  /** The quoted words without the marks; for block quotations, from the first to the last quoted character. */
  contentStart: number;
  contentEnd: number;
  /** One range per paragraph the quotation covers (content only). */
  segments: Array<{ start: number; end: number }>;
  kind: QuotationKind;
  /** Enclosing quotation for nested quotes, or -1. */
  parent: number;
  /** False when the quotation ran to a paragraph end without a closing mark and was not continued. */
  closed: boolean;
  wordCount: number;
  /** Sentence containing the opening mark. */
  sentence: number;
}

/**
 * A layer of the document: something derived from it (attribution, the headline, a lexicon scan) that several
 * analyzers read. `doc.layer(l)` computes it on first use and caches it on that document, so it is computed once per
 * document and lives exactly as long as the document does.
 */
export interface Layer<T> {
  readonly name: string;
  readonly compute: (doc: SlantDocument) => T;
}

/** Declares a document layer (a typed key: `doc.layer(myLayer)` returns a `T`). */
export function defineLayer<T>(name: string, compute: (doc: SlantDocument) => T): Layer<T> {
  return Object.freeze({ name, compute });
}

/** The parsed text that every analyzer reads. Built once per text by `parseDocument` (src/document/build.ts). */
export class SlantDocument {
  readonly text: string;
  readonly tokens: Token[];
  readonly sentences: Sentence[];
  readonly paragraphs: Paragraph[];
  readonly quotations: Quotation[];
  readonly wordCount: number;
  private readonly layers = new Map<Layer<unknown>, unknown>();
  /** The attribution layer, given by the builder: attribution code imports the document model, not the reverse. */
  private readonly attributionLayer: Layer<Attribution> | undefined;

  constructor(parts: {
    text: string;
    tokens: Token[];
    sentences: Sentence[];
    paragraphs: Paragraph[];
    quotations: Quotation[];
    attribution?: Layer<Attribution>;
  }) {
    this.text = parts.text;
    this.tokens = parts.tokens;
    this.sentences = parts.sentences;
    this.paragraphs = parts.paragraphs;
    this.quotations = parts.quotations;
    this.attributionLayer = parts.attribution;
    let words = 0;
    for (const t of parts.tokens) if (t.isWord) words++;
    this.wordCount = words;
  }

  /**
   * Attribution relations (cues, sources, contents), sources and quotation speakers. Computed on first use and
   * shared by every analyzer that reads it.
   */
  get attribution(): Attribution {
    if (!this.attributionLayer) throw new Error('this document was built without the attribution layer');
    return this.layer(this.attributionLayer);
  }

  /** The value of a layer for this document: computed on first use, then cached on the document. */
  layer<T>(layer: Layer<T>): T {
    if (this.layers.has(layer)) return this.layers.get(layer) as T;
    const value = layer.compute(this);
    this.layers.set(layer, value);
    return value;
  }

  /** The same document with other token readings (same text, offsets and structure; layers computed afresh). */
  withTokens(tokens: Token[]): SlantDocument {
    return new SlantDocument({
      text: this.text,
      tokens,
      sentences: this.sentences,
      paragraphs: this.paragraphs,
      quotations: this.quotations,
      attribution: this.attributionLayer,
    });
  }

  /** A span with its text; offsets are clamped to the text. */
  spanOf(start: number, end: number): Span {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    return { start: s, end: e, text: this.text.slice(s, e) };
  }

  /** The span covering tokens [first, last] (inclusive). */
  tokenSpan(first: number, last: number): Span {
    return this.spanOf(this.tokens[first].start, this.tokens[last].end);
  }

  /** Index of the first token whose end is after `offset` (binary search), or tokens.length. */
  tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Tokens overlapping [start, end). */
  tokensIn(start: number, end: number): Token[] {
    const out: Token[] = [];
    for (let i = this.tokenIndexAt(start); i < this.tokens.length && this.tokens[i].start < end; i++) out.push(this.tokens[i]);
    return out;
  }

  /** The sentence containing `offset`, or the last one before it; undefined for an empty document. */
  sentenceAt(offset: number): Sentence | undefined {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let found: Sentence | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sentences[mid].start <= offset) {
        found = this.sentences[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found ?? this.sentences[0];
  }

  /**
   * Whether tokens [first, last] are quoted: the one test of a token span, true when any word token of it is in a
   * quoted voice (loaded language, unattributed assertions). A finding's `voice` is read by {@link voiceOf} from its
   * first word instead; the two differ only for a span that starts outside a quotation and ends inside one.
   */
  isQuoted(first: number, last: number): boolean {
    const tokens = this.tokens;
    for (let k = first; k <= last; k++) if (tokens[k].isWord && tokens[k].voice === 'quoted') return true;
    return false;
  }

  /** Whose voice [start, end) is in: quoted when its first word token (or first token) is quoted. */
  voiceOf(start: number, end: number): TokenVoice {
    const first = this.firstTokenIn(start, end);
    return first ? first.voice : 'writer';
  }

  /** The innermost direct/block quotation containing [start, end), if any. */
  quotationOf(start: number, end: number): Quotation | undefined {
    const first = this.firstTokenIn(start, end);
    if (!first || first.quotation < 0) return undefined;
    let q: Quotation | undefined = this.quotations[first.quotation];
    while (q && q.kind === 'scare') q = q.parent >= 0 ? this.quotations[q.parent] : undefined;
    return q;
  }

  /** The first word token overlapping [start, end), else its first token (called for every finding: no array built). */
  private firstTokenIn(start: number, end: number): Token | undefined {
    const tokens = this.tokens;
    const from = this.tokenIndexAt(start);
    for (let i = from; i < tokens.length && tokens[i].start < end; i++) if (tokens[i].isWord) return tokens[i];
    return from < tokens.length && tokens[from].start < end ? tokens[from] : undefined;
  }
}
