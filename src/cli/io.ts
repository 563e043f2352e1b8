/** Where the CLI writes; injectable so that tests capture output without spawning a process. */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  isTTY: boolean;
  stderrIsTTY: boolean;
}

/** The process's streams; whether they are terminals is read when asked, not when this module loads. */
export const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

/** Wrong command-line usage: reported in one line with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
