import { Readable, Writable } from 'node:stream';
import { main } from '../src/cli/main.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the `tansiq` command in-process against a test database (DATABASE_URL, so no embedded
 * server starts), capturing what it prints.
 */
export function cliRunner(store: { appUrl: string; ownerUrl: string }, extraEnv: NodeJS.ProcessEnv = {}) {
  const env = {
    DATABASE_URL: store.appUrl,
    DATABASE_OWNER_URL: store.ownerUrl,
    TANSIQ_LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const run = async (stdin: string | Buffer | undefined, argv: string[]): Promise<CliResult> => {
    const captured = { out: '', err: '' };
    const sink = (key: 'out' | 'err') =>
      new Writable({
        write(chunk, _encoding, done) {
          captured[key] += String(chunk);
          done();
        },
      });
    const input = stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]);
    const code = await main(argv, { in: input, out: sink('out'), err: sink('err'), env });
    await new Promise((resolve) => setImmediate(resolve));
    return { code, ...captured };
  };
  /** `tansiq …argv`; `.withStdin(text, …argv)` gives it a standard input. */
  return Object.assign((...argv: string[]) => run(undefined, argv), {
    withStdin: (stdin: string | Buffer, ...argv: string[]) => run(stdin, argv),
  });
}
