// Shared research helpers for the framing and certainty work (eval/research/frames-*.mjs).
// Plain Node (ESM), no dependencies beyond wink-nlp + wink-eng-lite-web-model.
//
// Everything here mirrors the feature extraction documented in lexicons/en/frames.md and
// lexicons/en/certainty.md, so the runtime analyzers can reproduce the numbers exactly.
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

export const nlp = winkNLP(model);
export const its = nlp.its;

export function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/**
 * Parse a text once. Tokens carry value, normal (lower-cased surface), lemma (lower-cased its.lemma),
 * pos, wink type, UTF-16 start/end and sentence index.
 * Offsets: running sum of precedingSpaces + values; when that drifts (wink drops a BOM or zero-width
 * character) the token is re-located with indexOf from the running cursor.
 */
export function parse(text) {
  const doc = nlp.readDoc(text);
  const tk = doc.tokens();
  const value = tk.out(its.value);
  const normal = tk.out(its.normal);
  const lemma = tk.out(its.lemma);
  const pos = tk.out(its.pos);
  const type = tk.out(its.type);
  const spaces = tk.out(its.precedingSpaces);
  const tokens = new Array(value.length);
  let cur = 0;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    let s = cur + spaces[i].length;
    if (text.slice(s, s + v.length) !== v) {
      const j = text.indexOf(v, cur);
      s = j >= 0 ? j : s;
    }
    const e = Math.min(text.length, s + v.length);
    const nrm = normal[i].toLowerCase();
    // as src/lexicon/matcher.ts: a capitalised plural that wink tags PROPN keeps its -s in the lemma; strip it
    const singular = pos[i] === 'PROPN' && nrm.length > 3 && nrm.endsWith('s') && !nrm.endsWith('ss') ? nrm.slice(0, -1) : undefined;
    tokens[i] = {
      i,
      value: v,
      normal: nrm,
      lemma: String(lemma[i]).toLowerCase(),
      singular,
      pos: pos[i],
      type: type[i],
      start: s,
      end: e,
      sent: 0,
    };
    cur = e;
  }
  const spans = doc.sentences().out(its.span); // [firstTokenIndex, lastTokenIndex] inclusive
  const sentences = spans.map(([a, b], k) => {
    for (let i = a; i <= b; i++) tokens[i].sent = k;
    return { index: k, first: a, last: b, start: tokens[a] ? tokens[a].start : 0, end: tokens[b] ? tokens[b].end : 0 };
  });
  return { text, tokens, sentences };
}

/** Words for per-100-word rates: tokens whose wink type is "word". */
export const isWord = (t) => t.type === 'word';

// ---------------------------------------------------------------------------------------------
// Lexicon compilation and matching (the semantics of lexicons/README.md)
// ---------------------------------------------------------------------------------------------

/**
 * Compile a lexicon JSON object into a matcher.
 * Each term is split on whitespace; a part is a placeholder (`*` any one token, `<slot>` any word whose
 * lemma is in the slot) or is tokenised with wink ON ITS OWN (as src/lexicon/matcher.ts does), and every
 * term token keeps its normal and lower-cased lemma. A term token matches a text token when
 *   match = "lemma":  lemma(text) === lemma(term)  OR  normal(text) === normal(term)
 *   match = "normal": normal(text) === normal(term)
 * `pos` (if given) constrains the LAST word of the term (single-word terms: the word itself).
 * `unless.before` / `unless.after`: the match is dropped when the token immediately before / after
 * the match has one of these normals. (Entries may also give `unless.beforeAny`, a list of normals that
 * must not occur among the 3 tokens before the match.)
 */
const termCache = new Map();
/** Tokens of one whitespace-free part of a term, parsed on its own. */
export function termTokens(part) {
  if (!termCache.has(part))
    termCache.set(
      part,
      parse(part).tokens.filter((t) => t.value.trim() !== ''),
    );
  return termCache.get(part);
}

/** The key under which src/lexicon/load.ts detects duplicate terms (same match mode, pos and lemmas). */
export function termKey(term, match = 'lemma', pos = null) {
  const words = term
    .trim()
    .split(/\s+/)
    .filter((p) => !/^<[^>]+>$/.test(p) && p !== '*')
    .flatMap((p) => termTokens(p));
  const ph = /[<*]/.test(term) ? term : '';
  return `${match}:${(pos || []).join('|')}:${words.map((w) => (match === 'lemma' ? w.lemma : w.normal)).join(' ')}:${ph}`;
}

export function compileLexicon(lex) {
  const slots = {};
  for (const [name, words] of Object.entries(lex.slots || {})) {
    slots[name] = new Set(words.flatMap((w) => [w.toLowerCase(), ...parse(w).tokens.map((t) => t.lemma)]));
  }
  const patterns = [];
  for (const entry of lex.entries) {
    for (const term of entry.terms) {
      const toks = [];
      for (const p of term.trim().split(/\s+/)) {
        const m = /^<([a-z0-9-]+)>$/.exec(p);
        if (p === '*') toks.push({ kind: 'any' });
        else if (m) {
          if (!slots[m[1]]) throw new Error(`unknown slot ${m[1]} in ${entry.id}`);
          toks.push({ kind: 'slot', set: slots[m[1]] });
        } else for (const t of termTokens(p)) toks.push({ kind: 'word', normal: t.normal, lemma: t.lemma });
      }
      patterns.push({
        entry,
        term,
        toks,
        match: entry.match || 'lemma',
        pos: entry.pos ? new Set(entry.pos) : null,
        unlessBefore: new Set((entry.unless && entry.unless.before) || []),
        unlessAfter: new Set((entry.unless && entry.unless.after) || []),
        unlessBeforeAny: new Set((entry.unless && entry.unless.beforeAny) || []),
      });
    }
  }
  // index by first token (lemma and normal) for speed; wildcard-first patterns go to a general list
  const byKey = new Map();
  const general = [];
  for (const p of patterns) {
    const f = p.toks[0];
    if (f.kind !== 'word') {
      general.push(p);
      continue;
    }
    const keys = p.match === 'lemma' ? new Set([f.lemma, f.normal]) : new Set([f.normal]);
    for (const k of keys) {
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k).push(p);
    }
  }
  return { lex, patterns, byKey, general };
}

function tokMatch(pt, t, mode) {
  if (pt.kind === 'any') return true;
  if (pt.kind === 'slot') return pt.set.has(t.lemma) || pt.set.has(t.normal);
  if (mode === 'lemma') return t.lemma === pt.lemma || t.normal === pt.normal || (t.singular !== undefined && t.singular === pt.lemma);
  return t.normal === pt.normal;
}

/**
 * All matches, left to right, non-overlapping: at each token the longest matching term wins
 * (ties: the entry listed first), then scanning resumes after the match.
 * Tokens of type tabCRLF (newlines) never match; matches and unless-contexts stay inside one sentence.
 * A PROPN token ending in -s (not -ss, longer than 3) also matches a lemma-mode term word equal to its
 * normal without the -s ("Democrats" at a sentence start), as src/lexicon/matcher.ts does.
 * Returns [{ entry, term, first, last, start, end }].
 */
export function matchLexicon(compiled, parsed) {
  const { tokens } = parsed;
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'tabCRLF') continue;
    const cands = [
      ...new Set([
        ...(compiled.byKey.get(t.lemma) || []),
        ...(compiled.byKey.get(t.normal) || []),
        ...(t.singular !== undefined ? compiled.byKey.get(t.singular) || [] : []),
        ...compiled.general,
      ]),
    ];
    let best = null;
    for (const p of cands) {
      const n = p.toks.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n; k++) {
        const tt = tokens[i + k];
        if (tt.type === 'tabCRLF' || tt.sent !== t.sent || !tokMatch(p.toks[k], tt, p.match)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (p.pos && !p.pos.has(tokens[i + n - 1].pos)) continue;
      const prev = tokens[i - 1],
        next = tokens[i + n];
      if (prev && prev.sent === t.sent && p.unlessBefore.has(prev.normal)) continue;
      if (next && next.sent === t.sent && p.unlessAfter.has(next.normal)) continue;
      if (p.unlessBeforeAny.size) {
        let hit = false;
        for (let k = Math.max(0, i - 3); k < i; k++) if (p.unlessBeforeAny.has(tokens[k].normal)) hit = true;
        if (hit) continue;
      }
      if (!best || n > best.toks.length || (n === best.toks.length && p.entry.__order < best.entry.__order)) best = p;
    }
    if (best) {
      const n = best.toks.length;
      out.push({ entry: best.entry, term: best.term, first: i, last: i + n - 1, start: tokens[i].start, end: tokens[i + n - 1].end });
      i += n - 1;
    }
  }
  return out;
}

export function loadLexicon(file) {
  const lex = JSON.parse(fs.readFileSync(file, 'utf8'));
  lex.entries.forEach((e, k) => Object.defineProperty(e, '__order', { value: k, enumerable: false }));
  return compileLexicon(lex);
}

// ---------------------------------------------------------------------------------------------
// Small deterministic utilities
// ---------------------------------------------------------------------------------------------
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(arr, seed) {
  const r = mulberry32(seed);
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export const f1 = (tp, fp, fn) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
