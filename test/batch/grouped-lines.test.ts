import { createPipeline } from '../../src/index';
import { processInput, processInputs, type LineOptions, type RawInput } from '../../src/batch/record';
import type { TextAnalyzer } from '../../src/batch/types';

const opts: LineOptions = {
  idField: 'id',
  textField: 'text',
  titleField: 'title',
  groupField: 'desk',
  fields: 'full',
  maxTextBytes: 2000,
  digest: true,
};

const inputs: RawInput[] = [
  { kind: 'json', line: 1, text: JSON.stringify({ id: 'a', text: 'Critics slammed the “reckless” plan, officials said.', desk: 'city' }) },
  { kind: 'json', line: 2, text: '{"id": "broken"' },
  { kind: 'json', line: 3, text: JSON.stringify({ id: 'b', title: 'Vote passes', text: 'The so-called reform passed on Monday.' }) },
  { kind: 'bad', line: 4, id: null, error: { code: 'INVALID_UTF8', message: 'not UTF-8' } },
  { kind: 'json', line: 5, text: JSON.stringify({ id: 'long', text: 'x'.repeat(3000) }) },
  { kind: 'record', line: 6, record: { id: 7, text: '“We will not back down,” Mayor Jane Ortiz told reporters.' } },
  { kind: 'json', line: 7, text: JSON.stringify({ id: 'empty', text: '' }) },
];

describe('processInputs (slant batch lines in groups)', () => {
  it('gives the lines and digests processInput gives one by one', () => {
    const pipeline = createPipeline();
    const grouped = processInputs(pipeline, inputs, opts);
    expect(grouped).toEqual(inputs.map((input) => processInput(pipeline, input, opts)));
    expect(grouped.map((r) => r.error ?? 'ok')).toEqual(['ok', 'INVALID_JSON', 'ok', 'INVALID_UTF8', 'TEXT_TOO_LARGE', 'ok', 'ok']);
  });

  it('processes each input on its own when the group fails, so that only the bad line is an error', () => {
    const good = createPipeline();
    const flaky: TextAnalyzer = {
      analyze: (text: string) => {
        if (text.includes('so-called')) throw new Error('cannot read this one');
        return good.analyze(text);
      },
      analyzeTexts: (): never => {
        throw new Error('one text failed');
      },
    };
    const grouped = processInputs(flaky, inputs, opts);
    expect(grouped.map((r) => r.error ?? 'ok')).toEqual([
      'ok',
      'INVALID_JSON',
      'ANALYZER_FAILED',
      'INVALID_UTF8',
      'TEXT_TOO_LARGE',
      'ok',
      'ok',
    ]);
    expect(grouped[0]).toEqual(processInput(good, inputs[0], opts));
  });
});
