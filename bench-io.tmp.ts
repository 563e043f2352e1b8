import { readFileSync } from 'node:fs';
import { readInput } from './src/input';
import { createPipeline } from './src/pipeline';
import { toSarif, toW3c } from './src/format';
const p = createPipeline();
for (const n of ['water-fine', 'housing-column', 's400-india']) {
  const html = readFileSync(`examples/articles/${n}.html`, 'utf8');
  const txt = readFileSync(`examples/articles/${n}.txt`, 'utf8');
  const N = 30;
  for (let i = 0; i < 5; i++) { readInput(html, 'html'); p.analyze(txt); p.analyze(html, { input: 'html' }); }
  let t = performance.now(); for (let i = 0; i < N; i++) readInput(html, 'html'); const ex = (performance.now() - t) / N;
  t = performance.now(); for (let i = 0; i < N; i++) p.analyze(txt); const an = (performance.now() - t) / N;
  t = performance.now(); for (let i = 0; i < N; i++) p.analyze(html, { input: 'html' }); const both = (performance.now() - t) / N;
  const r = p.analyze(html, { input: 'html' });
  t = performance.now(); for (let i = 0; i < N; i++) { toSarif(r, { source: html }); toW3c(r, { source: html }); } const fm = (performance.now() - t) / N;
  const x = readInput(html, 'html');
  console.log(`${n}: html ${html.length} chars -> text ${x.text.length}; map runs ${x.map!.runs}; extract ${ex.toFixed(2)} ms, analyse text ${an.toFixed(2)} ms, html end-to-end ${both.toFixed(2)} ms (ratio ${(both / an).toFixed(2)}), sarif+w3c ${fm.toFixed(2)} ms`);
}
// a large page: 200 copies of the s400 body
const big = readFileSync('examples/articles/s400-india.html', 'utf8').replace(/<article>([\s\S]*)<\/article>/, (_m, a: string) => `<article>${a.repeat(200)}</article>`);
let t = performance.now(); const bx = readInput(big, 'html'); const bt = performance.now() - t;
console.log(`big page ${big.length} chars -> ${bx.text.length}; runs ${bx.map!.runs}; extract ${bt.toFixed(0)} ms`);
const md = readFileSync('examples/articles/s400-india.txt', 'utf8').split('\n').filter(Boolean).map((l, i) => (i === 0 ? `# ${l}` : l)).join('\n\n').repeat(100);
t = performance.now(); const mx = readInput(md, 'markdown'); console.log(`markdown ${md.length} chars -> ${mx.text.length}; runs ${mx.map!.runs}; extract ${(performance.now() - t).toFixed(0)} ms`);
