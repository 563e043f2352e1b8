/**
 * `npm run bench:editor`: analysis time of each example article in the editor page (the library bundled as
 * dist/browser/slant.mjs, in the page's Web Worker, Debian's Chromium) against the same analysis in this Node
 * process, measured in the same run. The page records each analysis time (window.slantEditor.timings); nothing here
 * is asserted. Needs /usr/bin/chromium and a fresh `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/index';
import { launchChromium, serveStatic } from '../test/browser/chromium';

const RUNS = Number(process.env.RUNS ?? 7);
const root = join(__dirname, '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  analyze('Warm-up sentence.'); // loads the model, as the page's worker does before it says ready
  const server = await serveStatic(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/examples/editor/`);
    await page.waitForFunction(() => (window as unknown as { slantEditor?: { ready: boolean } }).slantEditor?.ready === true, null, {
      timeout: 120_000,
    });
    console.log('| article | characters | page worker, median ms | Node, median ms | page / Node |');
    console.log('|---|---:|---:|---:|---:|');
    for (const name of ['s400-india.txt', 'water-fine.txt', 'housing-column.txt']) {
      const text = readFileSync(join(root, 'examples/articles', name), 'utf8');
      const inPage: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternate with a one-character change so that every paste is a new text to analyse.
        const variant = i % 2 ? text : `${text} `;
        const count = await page.evaluate(() => (window as unknown as { slantEditor: { timings: unknown[] } }).slantEditor.timings.length);
        await page.evaluate((t) => {
          const input = document.querySelector<HTMLElement>('[data-slant-input]')!;
          input.textContent = '';
          const dt = new DataTransfer();
          dt.setData('text/plain', t);
          input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        }, variant);
        await page.waitForFunction(
          (n) => (window as unknown as { slantEditor: { timings: unknown[] } }).slantEditor.timings.length > n,
          count,
          { timeout: 60_000 },
        );
        inPage.push(
          await page.evaluate(
            () => (window as unknown as { slantEditor: { timings: Array<{ ms: number }> } }).slantEditor.timings.at(-1)!.ms,
          ),
        );
      }
      const inNode: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        analyze(i % 2 ? text : `${text} `);
        inNode.push(performance.now() - t0);
      }
      const [p, n] = [median(inPage), median(inNode)];
      console.log(`| ${name} | ${text.length} | ${p.toFixed(1)} | ${n.toFixed(1)} | ${(p / n).toFixed(2)}x |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
