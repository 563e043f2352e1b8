/** Stable machine-readable codes carried by every {@link SlantError}. */
export type SlantErrorCode =
  | 'CONFIG_INVALID'
  | 'ANALYZER_UNKNOWN'
  | 'ANALYZER_DUPLICATE'
  | 'OPTIONS_INVALID'
  | 'LEXICON_MISSING'
  | 'LEXICON_INVALID'
  | 'ANALYZER_FAILED'
  | 'INPUT_INVALID';

/** Base class of every error slant throws on purpose. */
export class SlantError extends Error {
  readonly code: SlantErrorCode;
  constructor(code: SlantErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlantError';
    this.code = code;
  }
}

/** The pipeline was configured wrongly: unknown analyzer id, invalid options, bad settings. */
export class ConfigError extends SlantError {
  constructor(code: SlantErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ConfigError';
  }
}

/** A lexicon is missing, malformed, or has content that cannot work (duplicates, dangling sources, ...). */
export class LexiconError extends SlantError {
  /** Every problem found, one line each, so a lexicon author can fix them all at once. */
  readonly problems: string[];
  constructor(code: SlantErrorCode, message: string, problems: string[] = [], options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'LexiconError';
    this.problems = problems;
  }
}

/** Input given to the CLI or batch reader cannot be analysed (missing file, binary, too large). */
export class InputError extends SlantError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INPUT_INVALID', message, options);
    this.name = 'InputError';
  }
}

export const isSlantError = (e: unknown): e is SlantError => e instanceof SlantError;
export const isConfigError = (e: unknown): e is ConfigError => e instanceof ConfigError;
export const isLexiconError = (e: unknown): e is LexiconError => e instanceof LexiconError;
export const isInputError = (e: unknown): e is InputError => e instanceof InputError;

/** Levenshtein distance, for "did you mean" suggestions in error messages. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate to `wanted`, if it is close enough to be a plausible typo. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(wanted.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** "…; did you mean "x"?" or "" — appended to error messages. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const c = closest(wanted, candidates);
  return c ? ` Did you mean "${c}"?` : '';
}
