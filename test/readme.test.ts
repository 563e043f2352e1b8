import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedBlocks } from '../scripts/readme';
import { createPipeline } from '../src/pipeline';

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
  it('names the two set-up commands and the test command', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npx slant analyze examples/articles/s400-india.txt');
    expect(readme).toContain('npm test');
  });
});
