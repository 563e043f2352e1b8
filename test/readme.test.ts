import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withGeneratedBlocks } from '../scripts/readme';
import { runCli as cli } from './fixtures/cli';
import { createPipeline } from '../src/pipeline';

const flagsIn = (s: string): string[] => s.match(/(?<![\w-])(?:--[a-z][a-z-]*|-[a-z])(?![\w-])/g) ?? [];

/** The object literal that follows each `settings:` in the text, balanced braces included. */
function settingsExamples(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/settings: \{/g)) {
    let depth = 0;
    const from = m.index + 'settings: '.length;
    for (let i = from; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        out.push(text.slice(from, i + 1));
        break;
      }
    }
  }
  return out;
}

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  it('has the analyzers table and the quick-start output generated from the current code (npm run gen:readme)', () => {
    expect(withGeneratedBlocks(readme)).toBe(readme);
  });
  it('gives only settings examples that createPipeline accepts', () => {
    const examples = settingsExamples(readme);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const literal of examples) {
      const settings = new Function(`return (${literal});`)() as Record<string, unknown>;
      expect(() => createPipeline({ settings: settings as never })).not.toThrow();
    }
  });
  it("names only CLI flags that the command's --help lists, and values that the command accepts", async () => {
    const help: Record<string, string> = {
      analyze: (await cli('analyze', '--help')).out,
      batch: (await cli('batch', '--help')).out,
      queue: (await cli('queue', '--help')).out,
      serve: (await cli('serve', '--help')).out,
    };
    const top = (await cli('--help')).out;
    const synopsis = readme.split('\n').filter((l) => /^slant (analyze|batch) /.test(l));
    expect(synopsis).toHaveLength(2);
    for (const line of synopsis) {
      const command = line.split(' ')[1];
      for (const flag of flagsIn(line))
        expect(`${command} ${help[command].includes(flag) ? flag : `(not in --help) ${flag}`}`).toBe(`${command} ${flag}`);
    }
    // Flags anywhere else in the README (outside `npm run` lines, which pass flags to the eval and bench scripts,
    // GNU parallel command lines, which carry parallel's own flags, and curl command lines, whose flags are curl's).
    const prose = readme
      .split('\n')
      .filter((l) => !l.includes('npm run') && !l.startsWith('parallel ') && !/(^\$ |\| )curl /.test(l))
      .join('\n');
    for (const flag of flagsIn(prose))
      expect(`${help.analyze}${help.batch}${help.queue}${help.serve}${top}`.includes(flag) ? flag : `(in no --help) ${flag}`).toBe(flag);

    // Every value the analyze synopsis offers (`--format text|json|html`) is accepted.
    const article = join(mkdtempSync(join(tmpdir(), 'slant-readme-')), 'a.txt');
    writeFileSync(article, 'Critics slammed the plan. Officials said it would pass.');
    const analyzeLine = synopsis.find((l) => l.startsWith('slant analyze '))!;
    const choices = [...analyzeLine.matchAll(/\[(--[a-z-]+) ([a-z]+(?:\|[a-z]+)+)\]/g)];
    expect(choices.length).toBeGreaterThanOrEqual(2);
    for (const [, flag, values] of choices) {
      for (const value of values.split('|'))
        expect([flag, value, (await cli('analyze', article, flag, value)).code]).toEqual([flag, value, 0]);
    }
  }, 30_000);

  it('names the two set-up commands and the test command', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npx slant analyze examples/articles/s400-india.txt');
    expect(readme).toContain('npm test');
  });
});
