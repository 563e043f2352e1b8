// Shared helpers for the loaded-language research scripts (eval/research/loaded-*.mjs).
// Loads the dev corpora, tokenises them with wink-nlp exactly as the library will, marks quoted text,
// and implements the lexicon matching semantics the analyzer is meant to use:
//   * lemma mode: each term word is lemmatised by wink when the lexicon is compiled (term parsed alone);
//     a text token matches when its wink lemma equals it, case-insensitively;
//   * normal mode: compare lower-cased surface forms;
//   * optional `pos`: the universal POS of the term's last (head) word;
//   * `unless.before` / `unless.after`: normals of the token right before / after the match;
//   * longest match wins, matches do not overlap (left to right).
// Research data is only read here; nothing from it is written into the package.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
export const nlp = winkNLP(model);
export const its = nlp.its;

export const WORD_RE = /[\p{L}\p{N}'’-]+/gu;
const ALNUM_RE = /[\p{L}\p{N}]/u;

export const LOADED_LABELS = new Set([
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Exaggeration,Minimisation',
  'Name_Calling-Labeling',
  'Exaggeration-Minimisation',
  'lexical_bias',
  'biased_word',
]);

export function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Characters inside quotation marks (double quotes, straight or curly, paired within a line; ‘…’ pairs). */
export function quoteMask(text) {
  const mask = new Uint8Array(text.length);
  let lineStart = 0;
  const lines = text.split('\n');
  for (const line of lines) {
    const opens = [];
    // curly double quotes
    let open = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '“' || c === '„') open = i;
      else if (c === '”' && open >= 0) {
        opens.push([open, i]);
        open = -1;
      }
    }
    // straight double quotes, paired in order
    let sOpen = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== '"') continue;
      if (sOpen < 0) sOpen = i;
      else {
        opens.push([sOpen, i]);
        sOpen = -1;
      }
    }
    // single curly quotes used as quotation marks: ‘ at a word start ... ’ at a word end
    let qOpen = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '‘' && (i === 0 || /[\s([“"—–-]/u.test(line[i - 1]))) qOpen = i;
      else if (c === '’' && qOpen >= 0 && (i + 1 >= line.length || !/\p{L}/u.test(line[i + 1]))) {
        if (i - qOpen > 1) opens.push([qOpen, i]);
        qOpen = -1;
      }
    }
    for (const [a, b] of opens) for (let i = a; i <= b; i++) mask[lineStart + i] = 1;
    lineStart += line.length + 1;
  }
  return mask;
}

/** Tokenise one text with wink; returns tokens with UTF-16 offsets and flags. */
export function tokenize(text) {
  const doc = nlp.readDoc(text);
  const ts = doc.tokens();
  const value = ts.out(its.value),
    normal = ts.out(its.normal),
    lemma = ts.out(its.lemma);
  const pos = ts.out(its.pos),
    sp = ts.out(its.precedingSpaces),
    type = ts.out(its.type);
  const toks = [];
  let off = 0;
  for (let i = 0; i < value.length; i++) {
    off += sp[i].length;
    // wink may normalise some characters in value; locate the token in the text robustly
    let start = off;
    if (text.substr(start, value[i].length) !== value[i]) {
      const f = text.indexOf(value[i], start);
      if (f >= 0 && f - start < 5) start = f;
    }
    const end = start + value[i].length;
    toks.push({
      i,
      start,
      end,
      value: value[i],
      normal: String(normal[i] ?? value[i]).toLowerCase(),
      lemma: String(lemma[i] ?? normal[i] ?? value[i]).toLowerCase(),
      pos: pos[i],
      type: type[i],
      word: type[i] === 'word' && ALNUM_RE.test(value[i]),
    });
    off = end;
  }
  const q = quoteMask(text);
  for (const t of toks) t.quoted = q[t.start] === 1 || (t.end - 1 >= 0 && q[t.end - 1] === 1);
  // sentence index
  const sents = doc.sentences().out(its.span);
  for (let s = 0; s < sents.length; s++) for (let k = sents[s][0]; k <= sents[s][1]; k++) if (toks[k]) toks[k].sent = s;
  return toks;
}

/** Load and tokenise the corpora used for loaded language. Returns { name: { docs: [...] } }. */
export function loadCorpora(dataDir, names = ['ptc_semeval2020', 'babe', 'mbic']) {
  const out = {};
  for (const name of names) {
    const file = path.join(dataDir, name, 'dev.jsonl');
    if (!fs.existsSync(file)) continue;
    const docs = readJsonl(file);
    for (const d of docs) {
      d.toks = tokenize(d.text);
      // gold character mask for the loaded label set
      const g = new Uint8Array(d.text.length);
      d.goldSpans = (d.spans || []).filter((s) => LOADED_LABELS.has(s.label));
      d.goldSpans.forEach((s) => {
        for (let i = s.start; i < s.end; i++) g[i] = 1;
      });
      d.goldMask = g;
      for (const t of d.toks) {
        let hit = false;
        for (let i = t.start; i < t.end; i++)
          if (g[i] && !/[\s"“”„‟«»‹›'‘’`]/u.test(d.text[i])) {
            hit = true;
            break;
          }
        t.gold = hit;
      }
    }
    out[name] = { name, docs };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lexicon compilation and matching (the semantics the analyzer will implement)
const lemmaCache = new Map();
/**
 * Tokens of a term as the library compiles it (src/lexicon/matcher.ts): each whitespace-separated part is read
 * by wink on its own. Returns [{normal, lemma, pos}].
 */
export function termTokens(term) {
  if (lemmaCache.has(term)) return lemmaCache.get(term);
  const out = [];
  for (const part of term.trim().split(/\s+/u)) {
    const doc = nlp.readDoc(part);
    const ts = doc.tokens();
    const v = ts.out(its.value),
      n = ts.out(its.normal),
      l = ts.out(its.lemma),
      p = ts.out(its.pos);
    v.forEach((x, i) => {
      const normal = String(n[i] ?? x).toLowerCase();
      out.push({ normal, lemma: String(l[i] ?? normal).toLowerCase(), pos: p[i] ?? 'X' });
    });
  }
  lemmaCache.set(term, out);
  return out;
}

/** wink leaves capitalised plurals tagged PROPN unreduced ("Critics"); the library strips a plain -s for them. */
export function properNounSingular(t) {
  return t.pos === 'PROPN' && t.normal.length > 3 && t.normal.endsWith('s') && !t.normal.endsWith('ss') ? t.normal.slice(0, -1) : undefined;
}

/**
 * Compile lexicon entries into a first-word index.
 * entry: { id, terms, match, pos?, unless?, weight, category }
 */
export function compile(entries, slots = {}) {
  const index = new Map(); // first key -> [{entry, words}]
  const wild = []; // patterns starting with a slot or '*'
  for (const e of entries) {
    for (const term of e.terms) {
      const words = [];
      const byLemma = e.match === 'lemma';
      for (const part of term.trim().split(/\s+/u)) {
        if (part === '*') words.push({ any: true });
        else if (/^<[\w-]+>$/.test(part)) {
          const name = part.slice(1, -1);
          words.push({ set: new Set((slots[name] || []).flatMap((w) => termTokens(w).flatMap((t) => [t.lemma, t.normal]))) });
        } else for (const t of termTokens(part)) words.push({ normal: t.normal, lemma: t.lemma, byLemma });
      }
      const pat = { entry: e, words, term, exact: words.filter((w) => w.normal != null && !w.byLemma).length };
      const w0 = words[0];
      const keys =
        w0.normal != null ? [w0.normal, ...(w0.byLemma && w0.lemma !== w0.normal ? [w0.lemma] : [])] : w0.set ? [...w0.set] : null;
      if (keys) {
        for (const k of keys) {
          if (!index.has(k)) index.set(k, []);
          if (!index.get(k).includes(pat)) index.get(k).push(pat);
        }
      } else wild.push(pat);
    }
  }
  for (const arr of index.values()) arr.sort((a, b) => b.words.length - a.words.length);
  return { index, wild };
}

function wordOk(w, t) {
  if (w.any) return t.word;
  if (w.set) return w.set.has(t.lemma) || w.set.has(t.normal) || w.set.has(properNounSingular(t));
  return t.normal === w.normal || (w.byLemma && (t.lemma === w.lemma || properNounSingular(t) === w.lemma));
}

/** All non-overlapping matches in a token list. Returns [{start, end, entry, tokStart, tokEnd, quoted}] */
export function matchTokens(toks, compiled, _text) {
  const out = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    let best = null;
    const sg = properNounSingular(t);
    const cands = new Set([
      ...(compiled.index.get(t.normal) || []),
      ...(compiled.index.get(t.lemma) || []),
      ...((sg && compiled.index.get(sg)) || []),
      ...compiled.wild,
    ]);
    for (const pat of cands) {
      const n = pat.words.length;
      // longest match wins; at equal length an exact (normal) match beats a lemma match
      if (best && (n < best.n || (n === best.n && pat.exact <= best.pat.exact))) continue;
      if (i + n > toks.length) continue;
      let ok = true;
      // matches never cross a sentence boundary
      for (let k = 0; k < n; k++)
        if (toks[i + k].sent !== t.sent || !wordOk(pat.words[k], toks[i + k])) {
          ok = false;
          break;
        }
      if (!ok) continue;
      const e = pat.entry;
      let h = i + n - 1;
      while (h > i && !toks[h].word) h--; // POS of the last word of the match
      const head = toks[h];
      if (e.pos && !e.pos.includes(head.pos)) continue;
      if (e.unless) {
        const prev = toks[i - 1] && toks[i - 1].sent === t.sent ? toks[i - 1] : null;
        const next = toks[i + n] && toks[i + n].sent === t.sent ? toks[i + n] : null;
        if (prev && e.unless.before && e.unless.before.includes(prev.normal)) continue;
        if (next && e.unless.after && e.unless.after.includes(next.normal)) continue;
      }
      best = { n, pat };
    }
    if (best) {
      const s = toks[i],
        en = toks[i + best.n - 1];
      let quoted = false;
      for (let k = i; k < i + best.n; k++) if (toks[k].quoted) quoted = true;
      out.push({ start: s.start, end: en.end, entry: best.pat.entry, term: best.pat.term, tokStart: i, tokEnd: i + best.n, quoted });
      i += best.n;
    } else i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Folds by document id (deterministic hash), so CV is by document.
export function foldOf(id, k, salt = 'loaded') {
  let h = 2166136261;
  const s = salt + ':' + id;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % k;
}
