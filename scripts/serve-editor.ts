/**
 * `npm run editor`: serves the repository on http://127.0.0.1:<port>/ (default 8377, or PORT) and prints the editor
 * page's address. The page needs dist/browser/ (`npm run build`). Offline: nothing is fetched from elsewhere.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from './static-server';

const root = resolve(__dirname, '..');
if (!existsSync(join(root, 'dist', 'browser', 'slant.mjs'))) {
  console.error('dist/browser/slant.mjs is missing: run "npm run build" first.');
  process.exit(1);
}
serveStatic(root, {}, {}, Number(process.env.PORT ?? 8377)).then((s) => {
  console.log(`slant editor: ${s.url}/examples/editor/  (Ctrl+C to stop)`);
});
