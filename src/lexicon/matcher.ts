import { defineLayer, type Layer, type SlantDocument, type Token } from '../document';
import { tokenizeTerm } from '../nlp';
import type { Lexicon, LexiconEntry } from './schema';

/** The words of a lexicon term as the text's tokenizer reads them (for analyzers that index a lexicon's terms). */
export const termWords = tokenizeTerm;

/** One position of a compiled term. */
type PatternToken =
  { kind: 'word'; lemma: string; normal: string; byLemma: boolean } | { kind: 'slot'; name: string; words: Set<string> } | { kind: 'any' };

interface Pattern {
  entry: LexiconEntry;
  term: string;
  tokens: PatternToken[];
}

/**
 * A node of the term trie. Each distinct pattern token gets its own child, reachable through the indexes below
 * by any token it matches, so that walking the trie decides exactly what `tokenMatches` would decide.
 */
interface TrieNode {
  /** Children by pattern-token key (used while building). */
  readonly children: Map<string, TrieNode>;
  /** Children matched by a token's normal form (every word and slot child). */
  readonly byNormal: Map<string, TrieNode[]>;
  /** Children matched by a token's lemma (lemma-mode words and slots). */
  readonly byLemma: Map<string, TrieNode[]>;
  /** Child for a `*` wildcard. */
  any?: TrieNode;
  /** Patterns that end here. */
  readonly terminals: Pattern[];
  /** Dedupes a child reached through two indexes at one step. */
  stamp: number;
}

function addUnseen(list: TrieNode[] | undefined, stamp: number, out: TrieNode[]): void {
  if (!list) return;
  for (let k = 0; k < list.length; k++) {
    const n = list[k];
    if (n.stamp !== stamp) {
      n.stamp = stamp;
      out.push(n);
    }
  }
}

const newNode = (): TrieNode => ({ children: new Map(), byNormal: new Map(), byLemma: new Map(), terminals: [], stamp: 0 });

function index(map: Map<string, TrieNode[]>, key: string, node: TrieNode): void {
  const list = map.get(key);
  if (!list) map.set(key, [node]);
  else if (!list.includes(node)) list.push(node);
}

/** A lexicon term found in a document: tokens [first, last] inclusive. */
export interface LexiconMatch {
  entry: LexiconEntry;
  term: string;
  first: number;
  last: number;
  start: number;
  end: number;
}

const SLOT = /^<([a-z0-9]+(?:[-.][a-z0-9]+)*)>$/;

/** Splits a term at slot and wildcard markers, tokenising the literal parts as text would be tokenised. */
export function compileTerm(
  term: string,
  match: 'lemma' | 'normal',
  slots: Record<string, Set<string>>,
  problems: string[],
  where: string,
): PatternToken[] {
  const out: PatternToken[] = [];
  for (const part of term.trim().split(/\s+/u)) {
    const slot = SLOT.exec(part);
    if (slot) {
      const words = slots[slot[1]];
      if (!words) problems.push(`${where}: term "${term}" uses unknown slot <${slot[1]}>`);
      out.push({ kind: 'slot', name: slot[1], words: words ?? new Set() });
      continue;
    }
    if (part === '*') {
      out.push({ kind: 'any' });
      continue;
    }
    for (const t of tokenizeTerm(part)) {
      out.push({ kind: 'word', lemma: t.lemma, normal: t.normal, byLemma: match === 'lemma' });
    }
  }
  return out;
}

/** Compiles the slot word lists of a lexicon into lemma sets. */
export function compileSlots(lexicon: Lexicon): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const [name, words] of Object.entries(lexicon.slots ?? {})) {
    const set = new Set<string>();
    for (const w of words)
      for (const t of tokenizeTerm(w)) {
        set.add(t.lemma);
        set.add(t.normal);
      }
    out[name] = set;
  }
  return out;
}

/**
 * wink tags a capitalised common noun at the start of a sentence ("Critics say…") as a proper noun and leaves its
 * lemma unreduced; for such tokens a plain plural -s is stripped so that lemma matching still works.
 */
function properNounSingular(t: Token): string | undefined {
  return t.pos === 'PROPN' && t.normal.length > 3 && t.normal.endsWith('s') && !t.normal.endsWith('ss') ? t.normal.slice(0, -1) : undefined;
}

/**
 * Finds lexicon terms in a document. Terms are compiled into a trie over tokens, so a document is scanned once and
 * each token costs a few map lookups whatever the size of the lexicon. Matches never cross a sentence boundary.
 */
export class PhraseMatcher {
  private readonly root = newNode();
  /** Keys of the root's two indexes together: one lookup decides a token whose lemma is its normal form. */
  private readonly rootKeys: Set<string>;
  private stamp = 0;

  constructor(patterns: Pattern[]) {
    for (const p of patterns) {
      let node = this.root;
      for (const pt of p.tokens) node = this.child(node, pt);
      node.terminals.push(p);
    }
    this.rootKeys = new Set([...this.root.byNormal.keys(), ...this.root.byLemma.keys()]);
  }

  /**
   * Whether `t` is in the root's byNormal index by its normal form or in its byLemma index by its lemma.
   * (Measured and dropped: integer ids per token shared by every matcher and the stance pass, one lookup per token
   * for all of them. Output identical, the three matchers ~10% faster, matchers plus stance pass only 0-6%, the
   * pipeline unchanged within noise: all lexicon matching together is under 3% of the pipeline's instructions.)
   */
  private startsTerm(t: Token): boolean {
    if (t.lemma === t.normal) return this.rootKeys.has(t.normal);
    return this.root.byNormal.has(t.normal) || this.root.byLemma.has(t.lemma);
  }

  private child(node: TrieNode, pt: PatternToken): TrieNode {
    const key = pt.kind === 'word' ? `w|${pt.byLemma ? 'l' : 'n'}|${pt.normal}|${pt.lemma}` : pt.kind === 'slot' ? `s|${pt.name}` : '*';
    let next = node.children.get(key);
    if (next) return next;
    next = newNode();
    node.children.set(key, next);
    if (pt.kind === 'any') node.any = next;
    else if (pt.kind === 'slot') {
      for (const w of pt.words) {
        index(node.byNormal, w, next);
        index(node.byLemma, w, next);
      }
    } else {
      index(node.byNormal, pt.normal, next);
      if (pt.byLemma) index(node.byLemma, pt.lemma, next);
    }
    return next;
  }

  /** Children of `node` that token `t` matches, each once, appended to `out`. */
  private step(node: TrieNode, t: Token, stamp: number, out: TrieNode[]): void {
    addUnseen(node.byNormal.get(t.normal), stamp, out);
    addUnseen(node.byLemma.get(t.lemma), stamp, out);
    if (t.pos === 'PROPN') {
      const singular = properNounSingular(t);
      if (singular !== undefined) addUnseen(node.byLemma.get(singular), stamp, out);
    }
    const any = node.any;
    if (any && t.isWord && any.stamp !== stamp) {
      any.stamp = stamp;
      out.push(any);
    }
  }

  /** This matcher's matches as a layer of each document: computed once per document, shared by every reader. */
  private readonly layer: Layer<readonly LexiconMatch[]> = defineLayer('lexicon-matches', (doc) =>
    this.scan(doc.tokens, 0, doc.tokens.length),
  );

  /**
   * Every match, in text order; at one position, longer matches first. Computed once per document (a layer) and
   * shared: the array and its matches are read-only.
   */
  match(doc: SlantDocument): readonly LexiconMatch[] {
    return doc.layer(this.layer);
  }

  /**
   * The matches of `view`, a copy of `base` with some tokens replaced by re-read ones (same text, same sentences:
   * `base.withTokens(...)`): equal to `match(view)`. A match never leaves its run of tokens of one sentence and reads
   * only tokens of that run, so a run whose tokens are all `base`'s own keeps `base`'s matches (computed once, shared)
   * and only runs with a replaced token are scanned again.
   */
  matchView(view: SlantDocument, base: SlantDocument): readonly LexiconMatch[] {
    const tokens = view.tokens;
    const own = base.tokens;
    if (tokens.length !== own.length) return this.scan(tokens, 0, tokens.length);
    const baseMatches = this.match(base);
    const out: LexiconMatch[] = [];
    let m = 0;
    for (let a = 0; a < tokens.length;) {
      let b = a + 1;
      let same = tokens[a] === own[a];
      while (b < tokens.length && tokens[b].sentence === tokens[a].sentence) {
        if (tokens[b] !== own[b]) same = false;
        b++;
      }
      if (same) {
        while (m < baseMatches.length && baseMatches[m].first < b) out.push(baseMatches[m++]);
      } else {
        while (m < baseMatches.length && baseMatches[m].first < b) m++;
        for (const x of this.scan(tokens, a, b)) out.push(x);
      }
      a = b;
    }
    return out;
  }

  /** Matches starting at tokens [from, to), in text order; at one position, longer matches first. */
  private scan(tokens: Token[], from: number, to: number): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    const root = this.root;
    let frontier: TrieNode[] = [];
    let next: TrieNode[] = [];
    for (let i = from; i < to; i++) {
      const first = tokens[i];
      // Hot path: most tokens start no term; only the root's indexes are consulted (the same three lookups
      // `step` makes at the root, so a token skipped here would have given an empty frontier).
      if (!root.any && !this.startsTerm(first)) {
        if (first.pos !== 'PROPN') continue;
        const singular = properNounSingular(first);
        if (singular === undefined || !root.byLemma.has(singular)) continue;
      }
      frontier.length = 0;
      this.step(root, first, ++this.stamp, frontier);
      const sentence = first.sentence;
      for (let k = i; frontier.length;) {
        for (const node of frontier)
          for (const p of node.terminals)
            if (this.accepts(p, tokens, i, k))
              out.push({ entry: p.entry, term: p.term, first: i, last: k, start: first.start, end: tokens[k].end });
        k++;
        const t = tokens[k];
        if (!t || t.sentence !== sentence) break;
        next.length = 0;
        const stamp = ++this.stamp;
        for (const node of frontier) this.step(node, t, stamp, next);
        [frontier, next] = [next, frontier];
      }
    }
    out.sort((x, y) => x.start - y.start || y.end - x.end);
    return out;
  }

  /** The entry's POS and context conditions for a match over tokens [i, last]. */
  private accepts(p: Pattern, tokens: Token[], i: number, last: number): boolean {
    const e = p.entry;
    const sentence = tokens[i].sentence;
    if (e.pos && !e.pos.includes(lastWord(tokens, i, last).pos as never)) return false;
    if (e.unless?.before && i > 0 && tokens[i - 1].sentence === sentence && e.unless.before.includes(tokens[i - 1].normal)) return false;
    if (e.unless?.after && tokens[last + 1]?.sentence === sentence && e.unless.after.includes(tokens[last + 1].normal)) return false;
    return true;
  }
}

function lastWord(tokens: Token[], first: number, last: number): Token {
  for (let k = last; k > first; k--) if (tokens[k].isWord) return tokens[k];
  return tokens[first];
}

/** Builds the matcher of a validated lexicon, collecting problems (unknown slots) on the way. */
export function buildMatcher(lexicon: Lexicon, problems: string[] = []): PhraseMatcher {
  const slots = compileSlots(lexicon);
  const patterns: Pattern[] = [];
  for (const entry of lexicon.entries) {
    for (const term of entry.terms) {
      const tokens = compileTerm(term, entry.match, slots, problems, `${lexicon.id} entry "${entry.id}"`);
      if (tokens.length) patterns.push({ entry, term, tokens });
    }
  }
  return new PhraseMatcher(patterns);
}
