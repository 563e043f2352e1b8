/** #14 item 9: one unit for --max-size, --workers capped at the core count with a note, several files → batch. */
import fs from 'node:fs';
import os from 'node:os';
import { runCli as cli } from '../fixtures/cli';
import { readRecords, tempDir } from '../batch/helpers';

jest.setTimeout(60_000);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('--max-size counts bytes of UTF-8 in analyze and in batch', () => {
  const text = 'Café société é'.repeat(8); // 112 characters, 144 bytes
  it.each([
    ['130', false],
    ['150', true],
  ])('--max-size %s: analyze and batch agree (%s)', async (limit, accepted) => {
    expect(text.length).toBeLessThan(130);
    expect(Buffer.byteLength(text)).toBeGreaterThan(130);
    fs.writeFileSync(tmp.file('t.txt'), text);
    const a = await cli('analyze', tmp.file('t.txt'), '--format', 'json', '--max-size', limit, '--analyzers', 'loaded-language');
    expect(a.code).toBe(accepted ? 0 : 1);
    fs.writeFileSync(tmp.file('t.jsonl'), JSON.stringify({ id: 't', text }) + '\n');
    const b = await cli(
      'batch',
      tmp.file('t.jsonl'),
      '-o',
      tmp.file(`t-${limit}.jsonl`),
      '--max-size',
      limit,
      '--workers',
      '1',
      '--analyzers',
      'loaded-language',
    );
    expect(b.code).toBe(0);
    const [rec] = readRecords(tmp.file(`t-${limit}.jsonl`));
    if (accepted) expect(rec.report).toBeDefined();
    else expect(rec.error).toMatchObject({ code: 'TEXT_TOO_LARGE', message: expect.stringContaining('144 bytes') });
  });

  it('both --help texts say bytes', async () => {
    expect((await cli('analyze', '--help')).out).toMatch(/--max-size <size> +refuse larger input, in bytes/);
    expect((await cli('batch', '--help')).out).toMatch(/--max-size <size> +longest text analysed, in bytes of UTF-8/);
  });
});

describe('--workers', () => {
  it('above the core count is capped, with a note on stderr, and the run completes', async () => {
    fs.writeFileSync(tmp.file('w.jsonl'), JSON.stringify({ id: 1, text: 'The council met on Monday.' }) + '\n');
    const asked = os.availableParallelism() + 60;
    const r = await cli(
      'batch',
      tmp.file('w.jsonl'),
      '-o',
      tmp.file('w-out.jsonl'),
      '--workers',
      String(asked),
      '--analyzers',
      'loaded-language',
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `slant batch: note: --workers ${asked} capped to ${os.availableParallelism()}, the number of cores (more threads only add memory)\n`,
    );
    expect(readRecords(tmp.file('w-out.jsonl'))).toHaveLength(1);
  });
});

describe('analyze with several files or a folder', () => {
  it('several files: a usage error that points to slant batch', async () => {
    fs.writeFileSync(tmp.file('a.txt'), 'One.');
    fs.writeFileSync(tmp.file('b.txt'), 'Two.');
    const r = await cli('analyze', tmp.file('a.txt'), tmp.file('b.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^slant analyze: analyze takes one file .*got 2\. For many articles use "slant batch"/);
  });

  it('a folder: exit 1, pointing to slant batch', async () => {
    const r = await cli('analyze', tmp.dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is a directory');
    expect(r.err).toContain('slant batch');
  });
});
