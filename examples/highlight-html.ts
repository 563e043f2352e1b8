/**
 * Highlight findings as HTML: renders the report as a self-contained page (every piece of text escaped), the same
 * page `slant analyze --format html` writes. renderHtml has no Node dependency, so a CMS can use it in the browser.
 * Run: npx tsx examples/highlight-html.ts > s400.html
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, renderHtml } from 'slant';

const text = readFileSync(join(__dirname, 'articles', 's400-india.txt'), 'utf8');
process.stdout.write(renderHtml(analyze(text), text, { title: 'S-400 article' }));
