/**
 * A custom analyzer: flags sentences in the writer's voice that end with an exclamation mark, and runs it in the
 * same pipeline as the built-in analyzers. Run: npx tsx examples/custom-analyzer.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createPipeline, defineAnalyzer, presets, use } from 'slant';

export const exclamations = defineAnalyzer({
  meta: {
    id: 'exclamations',
    description: "Sentences in the writer's own voice that end with an exclamation mark.",
    category: 'tone',
    messages: { exclaims: 'exclamation in the writer’s voice' },
    options: z.strictObject({ minWords: z.number().int().min(1).default(3) }),
    defaults: { weight: 0.5, severity: 'info' },
  },
  analyze({ doc, options, report }) {
    let count = 0;
    let writerSentences = 0;
    for (const s of doc.sentences) {
      const last = doc.tokens[s.tokenEnd - 1];
      if (s.writerWordCount === 0) continue;
      writerSentences++;
      if (last.value === '!' && last.voice === 'writer' && s.wordCount >= options.minWords) {
        report({ messageId: 'exclaims', span: { start: s.start, end: s.end }, evidence: { rule: 'sentence ends with "!"' } });
        count++;
      }
    }
    return {
      score: writerSentences ? Math.min(1, count / writerSentences / 0.1) : null,
      basis: `${count} of ${writerSentences} writer's-voice sentences end with "!" (score 1 at 10%)`,
      metrics: { exclamations: count, writerSentences },
    };
  },
});

if (require.main === module) {
  const pipeline = createPipeline({ analyzers: [...presets.recommended, use(exclamations, { options: { minWords: 2 } })] });
  const text = readFileSync(join(__dirname, 'articles', 's400-india.txt'), 'utf8') + '\nThis is a deal like no other!';
  const report = pipeline.analyze(text);
  for (const f of report.findings.filter((x) => x.analyzer === 'exclamations')) {
    console.log(`${f.span.start}-${f.span.end} ${f.message}: "${f.span.text}"`);
  }
  console.log(report.analyzers.exclamations.basis);
}
