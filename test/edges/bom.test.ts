/**
 * #14 item 8: a file that starts with a UTF-8 BOM gets offsets into the file as read (the BOM is U+FEFF at offset 0),
 * not offsets one less than every other tool counts.
 */
import fs from 'node:fs';
import { runCli as cli } from '../fixtures/cli';
import { ReportSchema } from '../../src/report';
import { tempDir } from '../batch/helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('a file with a UTF-8 byte-order mark', () => {
  const body = 'Critics slammed the regime. "We will win," the minister said.\n';
  const file = tmp.file('bom.txt');
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));

  it('gets every span at the offsets of the file as Node reads it (BOM counted), and the same findings as without it', async () => {
    const asRead = fs.readFileSync(file, 'utf8');
    expect(asRead.charCodeAt(0)).toBe(0xfeff); // what other tools count on this file
    const { code, out } = await cli('analyze', file, '--format', 'json');
    expect(code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(out));
    expect(report.stats.characters).toBe(asRead.length);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(asRead.slice(f.span.start, f.span.end)).toBe(f.span.text);
    const slammed = report.findings.find((f) => f.span.text === 'slammed')!;
    expect(slammed.span.start).toBe(1 + body.indexOf('slammed'));

    fs.writeFileSync(tmp.file('plain.txt'), body);
    const plain = ReportSchema.parse(JSON.parse((await cli('analyze', tmp.file('plain.txt'), '--format', 'json')).out));
    expect(report.findings.map((f) => [f.messageId, f.span.start - 1, f.span.text])).toEqual(
      plain.findings.map((f) => [f.messageId, f.span.start, f.span.text]),
    );
    expect(report.score.overall).toBe(plain.score.overall);
  });
});
