/** #14 item 7: a failed write to standard output is one line on standard error and exit code 1, not a stack trace. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../batch/helpers';

const root = path.join(__dirname, '..', '..');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const onLinux = fs.existsSync('/dev/full') ? describe : describe.skip;

onLinux('writing to a full device (> /dev/full)', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build"');
  });

  it.each([
    ['analyze', (f: string) => ['analyze', f]],
    ['analyze --format json', (f: string) => ['analyze', f, '--format', 'json']],
    ['batch', (f: string) => ['batch', f, '--workers', '1']],
  ])(
    '%s: exit code 1 and one line',
    (_name, args) => {
      const article = tmp.file('a.txt');
      fs.writeFileSync(article, 'Officials said the bridge would reopen on Monday.\n');
      const jsonl = tmp.file('a.jsonl');
      fs.writeFileSync(jsonl, JSON.stringify({ id: 1, text: 'Officials said the bridge would reopen.' }) + '\n');
      const full = fs.openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [path.join(root, 'bin', 'slant.cjs'), ...args(_name === 'batch' ? jsonl : article)], {
        cwd: root,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
      fs.closeSync(full);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^slant: cannot write to standard output: ENOSPC[^\n]*\n$/);
    },
    60_000,
  );
});
