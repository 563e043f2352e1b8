/**
 * One rule for a batch item, wherever it comes from (`analyzeMany()` items, `slant batch` JSONL lines and CSV rows,
 * queue shards): an object whose id is a string or a finite number (absent, null or "" means no id) and whose text
 * is a string. Browser-safe.
 */
import { z } from 'zod';

/** Why an item cannot be analysed (a subset of BatchErrorCode in ./types). */
interface ItemError {
  code: 'INVALID_ID' | 'MISSING_TEXT' | 'INVALID_TEXT';
  message: string;
}

/** An item id: a string or a finite number. */
export const BatchIdSchema = z.union([z.string(), z.number().refine(Number.isFinite)]);

/**
 * A batch item: `{ id, text }` and any other fields (ignored). Checked field by field by {@link readId} and
 * {@link readText}, which also accept an item without an id (reported with id null, or its line number in `slant batch`).
 */
export const BatchItemSchema = z.looseObject({ id: BatchIdSchema, text: z.string() });

/** One article given to `pipeline.analyzeMany()`. */
export type BatchItem = z.input<typeof BatchItemSchema>;

/** How a value is named in a batch error message: "null", "an array", "an object", "a number". */
export const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** Whether `v` can hold fields: an object that is not an array. */
export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The id of a record under `field`: undefined when absent, null or ""; an INVALID_ID error when of another type. */
export function readId(record: Record<string, unknown>, field = 'id'): { id: string | number | undefined } | { error: ItemError } {
  const raw = record[field];
  if (raw === undefined || raw === null || raw === '') return { id: undefined };
  const parsed = BatchIdSchema.safeParse(raw);
  if (parsed.success) return { id: parsed.data };
  return { error: { code: 'INVALID_ID', message: `id field "${field}" is ${typeName(raw)}; expected a string or a finite number` } };
}

/** The text of a record under `field`, or a MISSING_TEXT / INVALID_TEXT error. */
export function readText(record: Record<string, unknown>, field = 'text'): { text: string } | { error: ItemError } {
  const raw = record[field];
  if (raw === undefined || raw === null) {
    return { error: { code: 'MISSING_TEXT', message: `no text field "${field}"${raw === null ? ' (it is null)' : ''}` } };
  }
  const parsed = BatchItemSchema.shape.text.safeParse(raw);
  if (parsed.success) return { text: parsed.data };
  return { error: { code: 'INVALID_TEXT', message: `text field "${field}" is ${typeName(raw)}; expected a string` } };
}
