import { use } from '../src/analyzer';
import { analyzeItem } from '../src/batch/analyze-many';
import { prepare } from '../src/batch/record';
import { ConfigError } from '../src/errors';
import { analyze, createPipeline } from '../src/pipeline';
import { exclamations } from '../examples/custom-analyzer';

// Settings, options and batch items are checked by zod schemas (src/config.ts, src/batch/item.ts); these tests pin
// the friendly one-line messages the schemas' issues are turned into.
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration messages from the zod schemas', () => {
  const pipeline = createPipeline({ analyzers: [exclamations] });

  it('names an unknown key with the closest known one and the list of keys', () => {
    expect(messageOf(() => createPipeline({ analyzers: [use(exclamations, { severty: 'info' } as never)] }))).toBe(
      'Unknown setting "severty" for analyzer "exclamations". Did you mean "severity"? Settings are: enabled, weight, severity, options, ignore.',
    );
    expect(messageOf(() => pipeline.analyze('Hi!', { offset: 'utf8' } as never))).toBe(
      'Unknown analyze option "offset". Did you mean "offsets"? Options are: input, offsets, html.',
    );
    expect(messageOf(() => analyze('Hi!', { setings: {} } as never))).toBe(
      'Unknown option "setings". Did you mean "settings"? Options are: analyzers, lexicons, settings, input, offsets, html.',
    );
    expect(messageOf(() => createPipeline({ lexicon: [] } as never))).toBe('Unknown pipeline option "lexicon". Did you mean "lexicons"?');
  });

  it('says what a bad value should be, with the value given', () => {
    expect(messageOf(() => createPipeline({ analyzers: [use(exclamations, { severity: 'error' as never })] }))).toBe(
      'Severity for analyzer "exclamations" must be "info" or "warning"; got "error".',
    );
    expect(messageOf(() => createPipeline({ analyzers: [use(exclamations, { enabled: 'no' as never })] }))).toBe(
      '"enabled" for analyzer "exclamations" must be true or false; got "no".',
    );
    expect(messageOf(() => createPipeline({ analyzers: [use(exclamations, { ignore: 'x' as never })] }))).toBe(
      '"ignore" for analyzer "exclamations" must be an array of strings; got "x".',
    );
    expect(messageOf(() => pipeline.analyze('Hi!', { input: 'pdf' as never }))).toBe(
      'Unknown input format "pdf"; valid: text, html, markdown.',
    );
    expect(messageOf(() => createPipeline({ settings: { exclamations: 'off' } as never }))).toMatch(/^"settings" must be an object/);
    expect(messageOf(() => createPipeline({ lexicons: {} as never }))).toMatch(/^"lexicons" must be an array/);
  });

  it('checks analyzeMany() options the same way', async () => {
    await expect(pipeline.analyzeMany([], { maxInflight: 2 } as never).next()).rejects.toThrow(
      new ConfigError(
        'CONFIG_INVALID',
        'Unknown analyzeMany() option "maxInflight". Did you mean "maxInFlight"? Options: workers, maxInFlight.',
      ),
    );
    await expect(pipeline.analyzeMany([], { maxInFlight: 0 }).next()).rejects.toThrow(
      'analyzeMany(): "maxInFlight" must be an integer >= 1; got 0.',
    );
  });
});

describe('one id rule for batch items (src/batch/item.ts)', () => {
  const pipeline = createPipeline({ analyzers: [exclamations] });
  const lineOptions = { idField: 'id', textField: 'text', maxTextBytes: 1e6 } as Parameters<typeof prepare>[1];
  const fromLibrary = (item: unknown) => analyzeItem(pipeline, item);
  const fromCli = (item: unknown) =>
    prepare({ kind: 'json', line: 7, text: JSON.stringify(item) } as Parameters<typeof prepare>[0], lineOptions);

  it('takes a string or a finite number, in the library and in slant batch alike', () => {
    for (const id of ['a-1', 42, 0]) {
      expect(fromLibrary({ id, text: 'Hi.' }).id).toBe(id);
      expect(fromCli({ id, text: 'Hi.' }).id).toBe(id);
    }
  });

  it('treats an absent, null or empty id as none (the CLI then uses the line number)', () => {
    for (const item of [{ text: 'Hi.' }, { id: null, text: 'Hi.' }, { id: '', text: 'Hi.' }]) {
      expect(fromLibrary(item).id).toBeNull();
      expect(fromCli(item).id).toBe(7);
    }
  });

  it('rejects any other id with INVALID_ID and the same message', () => {
    for (const id of [{ a: 1 }, [1], true, Number.NaN, Infinity]) {
      const lib = fromLibrary({ id, text: 'Hi.' });
      expect(lib.error?.code).toBe('INVALID_ID');
      expect(lib.error?.message).toMatch(
        /^id field "id" is (an object|an array|a boolean|a number); expected a string or a finite number$/,
      );
    }
    expect(fromCli({ id: true, text: 'Hi.' }).error?.message).toBe('id field "id" is a boolean; expected a string or a finite number');
  });
});
