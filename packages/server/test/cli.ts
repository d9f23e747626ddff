import { Writable } from 'node:stream';
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
  return async (...argv: string[]): Promise<CliResult> => {
    const captured = { out: '', err: '' };
    const sink = (key: 'out' | 'err') =>
      new Writable({
        write(chunk, _encoding, done) {
          captured[key] += String(chunk);
          done();
        },
      });
    const code = await main(argv, { out: sink('out'), err: sink('err'), env });
    await new Promise((resolve) => setImmediate(resolve));
    return { code, ...captured };
  };
}
