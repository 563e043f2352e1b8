import { z } from 'zod';
import { LexiconError } from './errors';

/**
 * One mechanism for the built-in (and user-given) JSON resources: lexicons, word lists, the frames model, word
 * vectors, the attribution cue table and cue model, the loaded-language word model. A resource kind is a zod schema
 * for the structure plus a `compile` step that checks content and lays the data out for use. Every kind is
 * validated the same way, in two passes (structure, then content), and reports every problem at once in one
 * {@link LexiconError}. Compiled results are cached per input object, so a resource is compiled once however many
 * pipelines use it. Built-in resources are imported statically as JSON so that bundlers inline them: nothing here
 * reads files, and the core stays browser-safe.
 */
export interface ResourceKind<Schema extends z.ZodType, Compiled> {
  /** What the resource is, in messages ("lexicon", "frames model", "word lists"). */
  readonly kind: string;
  readonly schema: Schema;
  /**
   * Checks the content of structurally valid data and compiles it. Pushes every problem found onto `problems`;
   * when any is pushed the result is discarded (and may be `undefined`).
   */
  compile(data: z.output<Schema>, problems: string[]): Compiled | undefined;
}

/** Validates and compiles a resource; `origin` says where it came from (a file, "built-in en/agency", "options.model"). */
export type ResourceCompiler<Compiled> = (input: unknown, origin?: string) => Compiled;

/** The compiler of one kind of resource: validation (zod, then content), compilation and a per-object cache. */
export function defineResource<Schema extends z.ZodType, Compiled>(def: ResourceKind<Schema, Compiled>): ResourceCompiler<Compiled> {
  const cache = new WeakMap<object, Compiled>();
  return (input, origin = def.kind) => {
    const key = input && typeof input === 'object' ? input : undefined;
    const hit = key && cache.get(key);
    if (hit) return hit;
    const parsed = def.schema.safeParse(input);
    if (!parsed.success) {
      throw new LexiconError(
        'LEXICON_INVALID',
        `Invalid ${def.kind}${idOf(input)} (${origin}):\n${z.prettifyError(parsed.error)}`,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      );
    }
    const problems: string[] = [];
    const compiled = def.compile(parsed.data, problems);
    if (problems.length || compiled === undefined) {
      if (!problems.length) problems.push('could not be compiled');
      const kind = def.kind[0].toUpperCase() + def.kind.slice(1);
      throw new LexiconError(
        'LEXICON_INVALID',
        `${kind}${idOf(input)} (${origin}) has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n  - ${problems.join('\n  - ')}`,
        problems,
      );
    }
    if (key) cache.set(key, compiled);
    return compiled;
  };
}

function idOf(input: unknown): string {
  return input && typeof input === 'object' && 'id' in input ? ` "${String((input as { id: unknown }).id)}"` : '';
}

/** Provenance fields shared by resource files: where the data comes from, under which licence, how it was made. */
export const ProvenanceSchema = {
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z]{2}\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'resource ids look like "en/attribution-cues"'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'versions are semver, e.g. "1.0.0"'),
  description: z.string().min(1),
  license: z.string().min(1),
};

/** A number that is finite: zod 4's z.number() already rejects NaN and ±Infinity; this names the problem. */
export const finite = z.number({ error: 'must be a finite number' });
