import type { ExtractedInput } from './types';

/** Plain text: analysed as given; offsets into it are offsets into the source. */
export function readText(text: string): ExtractedInput {
  return { text, format: 'text' };
}
