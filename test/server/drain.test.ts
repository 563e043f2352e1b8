/**
 * `slant serve` as a process (the built CLI, as `npx slant serve` runs it): SIGTERM stops accepting (new requests
 * get 503), lets the request in flight finish with its report, then exits 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { article } from './helpers';

jest.setTimeout(180_000);

const root = path.join(__dirname, '..', '..');

it('drains on SIGTERM: in-flight request answered, new ones 503, exit code 0', async () => {
  for (const f of ['dist/cli.js', 'dist/server-worker.js']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run "npm run build" before this test`);
  }
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'slant.cjs'), 'serve', '--port', '0', '--workers', '1', '--timeout', '120s'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => {
        stderr += d;
        const m = /listening on (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`slant serve exited (${code}) before listening:\n${stderr}`)));
    });
    for (let i = 0; ; i++) {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
      if (i > 600) throw new Error(`not ready:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const text = article(9).repeat(4000); // ~1.2 MB: several seconds of analysis even on an idle machine
    const inFlight = fetch(`${url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
    // SIGTERM once the request is running (its body is small: admitted within milliseconds).
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 150));
    const refused = await fetch(`${url}/v1/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'The mayor said so.',
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('retry-after')).not.toBeNull();

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    const report = (await answered.json()) as { stats: { characters: number } };
    expect(report.stats.characters).toBe(text.length);
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM: finishing requests in flight/);
    const log = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { path: string; status: number });
    expect(
      log
        .filter((l) => l.path === '/v1/analyze')
        .map((l) => l.status)
        .sort(),
    ).toEqual([200, 503]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
