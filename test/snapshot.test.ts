import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `slant analyze` starts from a V8 start-up snapshot made at build time (scripts/build-snapshot.ts, bin/slant.cjs).
// It must answer exactly as the ordinary start does, and fall back to it whenever the snapshot does not fit.
const root = join(__dirname, '..');
const snapshotDir = join(root, 'dist', 'snapshot');

function slant(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; bin?: string } = {}) {
  const run = spawnSync(process.execPath, [options.bin ?? join(root, 'bin', 'slant.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const ordinary = { SLANT_NO_SNAPSHOT: '1' };

describe('start-up snapshot of slant analyze', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build" (npm ci does it)');
  });

  it('is built with dist/ for this Node binary and this build', () => {
    const meta = JSON.parse(readFileSync(join(snapshotDir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta.node).toBe(process.version);
    expect(meta.build).toBe(readFileSync(join(root, 'dist', '.build-hash'), 'utf8').trim());
    expect(existsSync(join(snapshotDir, 'slant.blob'))).toBe(true);
  });

  const articles = readdirSync(join(root, 'examples', 'articles')).map((f) => join('examples', 'articles', f));
  it.each(articles)(
    'gives the same output as the ordinary start: %s',
    (file) => {
      for (const format of file.endsWith('.txt') ? ['text', 'json'] : ['json']) {
        const fast = slant(['analyze', file, '--format', format]);
        const slow = slant(['analyze', file, '--format', format], { env: ordinary });
        expect(fast.status).toBe(0);
        expect(fast.stdout.length).toBeGreaterThan(100);
        expect(fast).toEqual(slow);
      }
    },
    60_000,
  );

  it('reads standard input, reads the environment and exits with the same codes and messages', () => {
    const text = 'Critics slammed the "reckless" plan, the minister said.';
    const json = slant(['analyze', '-', '--format', 'json'], { input: text });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).stats.words).toBe(8);
    expect(json).toEqual(slant(['analyze', '-', '--format', 'json'], { input: text, env: ordinary }));
    // The terminal and the environment are read when the command runs, not when the snapshot was made (in a pipe):
    // on a terminal (made by util-linux `script`) the text view is coloured, unless NO_COLOR is set.
    const onTerminal = (env: NodeJS.ProcessEnv) =>
      execFileSync('script', ['-qec', `"${process.execPath}" bin/slant.cjs analyze examples/articles/water-fine.txt`, '/dev/null'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    expect(onTerminal({})).toContain('\u001b[1mslant report\u001b[0m');
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
    for (const args of [['analyze', 'no/such/file.txt'], ['analyze', '-', '--format', 'nope'], ['analyze']]) {
      const fast = slant(args, { input: '' });
      expect(fast.status).not.toBe(0);
      expect(fast.stderr).toMatch(/^slant analyze: .+\n$/);
      expect(fast).toEqual(slant(args, { input: '', env: ordinary }));
    }
  }, 60_000);

  it('stops quietly when its reader closes the pipe early', () => {
    const out = execFileSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" bin/slant.cjs analyze examples/articles/s400-india.txt --format json 2>&1 | head -c 1; echo " \${PIPESTATUS[0]}"`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out).toBe('{ 0\n');
  }, 30_000);

  it('is not used when it was made for another build, and the ordinary start answers', () => {
    // a copy of the package whose snapshot says it belongs to another build (and whose blob would not even load)
    const dir = mkdtempSync(join(tmpdir(), 'slant-snapshot-'));
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    mkdirSync(join(dir, 'dist', 'snapshot'), { recursive: true });
    for (const name of readdirSync(join(root, 'dist')))
      if (name !== 'snapshot') symlinkSync(join(root, 'dist', name), join(dir, 'dist', name));
    const meta = JSON.parse(readFileSync(join(snapshotDir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'dist', 'snapshot', 'slant.blob'), 'not a snapshot');
    const bin = join(dir, 'bin', 'slant.cjs');
    const expected = slant(['analyze', 'examples/articles/water-fine.txt', '--format', 'json'], { env: ordinary });
    for (const stale of [
      { ...meta, bytes: 14, build: 'another' },
      { ...meta, bytes: 14, node: 'v0.0.0' },
      { ...meta, bytes: 15 },
    ]) {
      writeFileSync(join(dir, 'dist', 'snapshot', 'meta.json'), JSON.stringify(stale));
      expect(slant(['analyze', 'examples/articles/water-fine.txt', '--format', 'json'], { bin })).toEqual(expected);
    }
  }, 60_000);
});
