/**
 * #14 item 13: the published package has a LICENSE, no source maps, one copy of the analysis per module format,
 * and its package.json carries no "prepare" script (scripts/pack-manifest.cjs strips it while packing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../batch/helpers';

const root = path.join(__dirname, '..', '..');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface PackFile {
  path: string;
  size: number;
}

describe('npm pack', () => {
  let files: PackFile[];
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run "npm run build"');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    files = (JSON.parse(out) as Array<{ files: PackFile[] }>)[0].files;
  }, 120_000);

  it('ships LICENSE (MIT, as package.json says) and no source maps', () => {
    expect(files.map((f) => f.path)).toContain('LICENSE');
    expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the slant authors/);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(files.filter((f) => f.path.endsWith('.map'))).toEqual([]);
  });

  it('has the analysis once per module format (CommonJS and ESM), not also inside the CLI and the worker', () => {
    // dist/browser/ is the self-contained browser bundle (the "./browser" export), built apart on purpose.
    const big = files
      .filter((f) => f.path.startsWith('dist/') && !f.path.startsWith('dist/browser/') && f.size > 200_000)
      .map((f) => f.path);
    expect(big).toHaveLength(2);
    expect(big.filter((p) => p.endsWith('.mjs'))).toHaveLength(1);
    for (const entry of ['dist/cli.js', 'dist/batch-worker.js']) expect(files.find((f) => f.path === entry)!.size).toBeLessThan(200_000);
  });
});

describe('scripts/pack-manifest.cjs', () => {
  it('strips "prepare" from package.json while packing, and restores the file byte for byte', () => {
    const original = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    expect(JSON.parse(original).scripts.prepare).toBeDefined(); // a git clone builds dist/ on npm ci
    expect(JSON.parse(original).scripts.prepack).toContain('pack-manifest.cjs strip');
    fs.writeFileSync(tmp.file('package.json'), original);
    const run = (cmd: string) => execFileSync(process.execPath, [path.join(root, 'scripts', 'pack-manifest.cjs'), cmd, tmp.dir]);
    run('strip');
    const packed = JSON.parse(fs.readFileSync(tmp.file('package.json'), 'utf8'));
    expect(packed.scripts.prepare).toBeUndefined();
    const { prepare: _prepare, ...rest } = JSON.parse(original).scripts;
    expect(packed.scripts).toEqual(rest);
    expect({ ...packed, scripts: undefined }).toEqual({ ...JSON.parse(original), scripts: undefined });
    run('restore');
    expect(fs.readFileSync(tmp.file('package.json'), 'utf8')).toBe(original);
    expect(fs.existsSync(tmp.file('package.json.prepack'))).toBe(false);
  });
});

describe('the "prepare" script of a clone (#13: the first npx slant)', () => {
  const prepare = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    .prepare;
  // npm runs scripts with sh -c and the script's directory as cwd; a PATH without node shows whether Node started.
  const run = (npmCommand: string, cwd: string, withNode: boolean) => {
    const env = { ...process.env, npm_command: npmCommand, PATH: withNode ? process.env.PATH! : '/nonexistent' };
    try {
      return { code: 0, out: execFileSync('/bin/sh', ['-c', prepare], { cwd, env, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      return { code: (e as { status: number }).status, out: '' };
    }
  };

  it('does not start Node when npx links an already built clone (npm_command=exec)', () => {
    if (!fs.existsSync(path.join(root, 'dist', '.build-hash'))) throw new Error('dist/ is missing: run "npm run build"');
    expect(run('exec', root, false)).toEqual({ code: 0, out: '' });
  });

  it('hands every other case to scripts/prepare.cjs: npm ci, npm install, or npx on a clone not built yet', () => {
    const clone = tmp.file('clone');
    fs.mkdirSync(path.join(clone, 'scripts'), { recursive: true });
    fs.writeFileSync(path.join(clone, 'scripts', 'prepare.cjs'), 'process.stdout.write("prepare ran\\n")');
    expect(run('exec', clone, true).out).toBe('prepare ran\n'); // no dist/ yet
    fs.mkdirSync(path.join(clone, 'dist'));
    fs.writeFileSync(path.join(clone, 'dist', '.build-hash'), 'x\ny\n');
    expect(run('exec', clone, false)).toEqual({ code: 0, out: '' });
    for (const command of ['ci', 'install', 'pack', 'publish']) expect(run(command, clone, true).out).toBe('prepare ran\n');
  });
});
