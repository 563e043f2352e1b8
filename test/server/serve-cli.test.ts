import { runCli } from '../fixtures/cli';

const run = runCli;

describe('slant serve options', () => {
  it('--help lists every option', async () => {
    const { code, out } = await run('serve', '--help');
    expect(code).toBe(0);
    for (const flag of ['--host', '--port', '--workers', '--max-body', '--timeout', '--queue', '--cors', '--quiet'])
      expect(out).toContain(flag);
  });

  it('a malformed value is a one-line usage error (exit 2), before anything starts', async () => {
    expect(await run('serve', '--timeout', 'soon')).toEqual({
      code: 2,
      out: '',
      err: expect.stringMatching(/^slant serve: --timeout: invalid duration "soon".*\n$/),
    });
    expect(await run('serve', '--max-body', 'big')).toEqual({
      code: 2,
      out: '',
      err: expect.stringMatching(/^slant serve: --max-body: invalid size "big"/),
    });
    expect((await run('serve', '--workers', '0')).code).toBe(2);
    expect((await run('serve', '--port', 'http')).code).toBe(2);
    expect((await run('serve', '--cors', ',')).err).toMatch(/--cors takes a comma-separated list of origins/);
    expect((await run('serve', 'now')).err).toMatch(/serve takes no arguments/);
    expect((await run('serve', '--prot', '80')).code).toBe(2);
  });
});
