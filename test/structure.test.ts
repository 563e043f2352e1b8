import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The shape of src/ that issue #13 asks for, kept by a test rather than by memory: no import cycle among its modules
// (type-only imports included) and no source file over 500 lines.
const root = join(__dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('src/ structure', () => {
  it('has no import cycle (scripts/check-cycles.ts)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'check-cycles.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toMatch(/\d+ modules, 0 import cycle\(s\)/);
  });

  it('has no source file over 500 lines', () => {
    const long = files(join(root, 'src'))
      .map((f) => ({ file: f.slice(root.length + 1), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 500);
    expect(long).toEqual([]);
  });
});
