import { isSlantError } from '../errors';
import { ANALYZE_USAGE, analyzeCommand } from './analyze-command';
import { batchCommand } from './batch-command';
import { processIo, UsageError, type Io } from './io';

declare const SLANT_VERSION: string | undefined;

const USAGE = `slant — shows how a news article frames its subject

usage:
  slant analyze <file|-> [--input text|html|markdown] [--format text|json|html|sarif|w3c|csv] [-o file]
                                                                analyse one article
  slant batch <input|-> [-o out.jsonl] [options]               score a JSONL or CSV corpus (slant batch --help)
  slant queue add|work|status|export|clean [options]           score a corpus on many machines via Redis (slant queue --help)
  slant serve [--port 8080] [options]                          run the HTTP service (slant serve --help)
  slant schema                                                  print the report's JSON Schema
  slant --version | --help

${ANALYZE_USAGE}`;

type Command = (args: string[], io: Io) => Promise<number>;

const commands: Record<string, Command> = {
  analyze: analyzeCommand,
  batch: batchCommand,
  queue: (args, io) => import('./queue-command').then((m) => m.queueCommand(args, io)),
  serve: (args, io) => import('./serve-command').then((m) => m.serveCommand(args, io)),
  schema: async (_args, io) => {
    const { reportJsonSchemaDocument } = await import('../report');
    io.stdout(JSON.stringify(reportJsonSchemaDocument(), null, 2) + '\n');
    return 0;
  },
};

/** Runs the CLI; returns the exit code (0 ok, 1 bad input or configuration, 2 usage). Never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${typeof SLANT_VERSION === 'string' ? SLANT_VERSION : 'dev'}\n`);
    return 0;
  }
  const run = commands[command];
  if (!run) {
    io.stderr(`slant: unknown command "${command}" (try: ${Object.keys(commands).join(', ')}; slant --help)\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    // node:util parseArgs throws errors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    if (e instanceof UsageError || String((e as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`slant ${command}: ${firstLine((e as Error).message)} (slant ${command} --help)\n`);
      return 2;
    }
    if (isSlantError(e)) {
      io.stderr(`slant ${command}: ${e.message.split('\n').join(' ')}\n`);
      return 1;
    }
    // A file that cannot be written or read (-o, --summary in a missing directory, no permission, disk full).
    // (Duck-typed: Node's system errors are not always `instanceof Error` of this realm, e.g. under jest.)
    if (typeof (e as NodeJS.ErrnoException)?.syscall === 'string' && typeof (e as Error).message === 'string') {
      io.stderr(`slant ${command}: ${firstLine((e as Error).message)}\n`);
      return 1;
    }
    io.stderr(`slant ${command}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

const firstLine = (s: string): string => s.split('\n')[0];

/** Runs the CLI as the process (bin/slant.cjs): its exit code becomes the process's; standard output's errors end it cleanly. */
export function runProcess(argv: string[]): void {
  // A reader that stops early (slant batch corpus.jsonl | head) closes the pipe: stop quietly, without a stack trace.
  // Any other write error (a full disk, > /dev/full): one line and exit code 1.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`slant: cannot write to standard output: ${firstLine(String(e?.message ?? e))}\n`);
    process.exit(1);
  });
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
