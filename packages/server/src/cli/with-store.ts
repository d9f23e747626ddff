import type { Config } from '../config.ts';
import { type Ctx, type Logger, silentLogger, systemActor } from '../services/context.ts';
import { openStore, type Store } from '../store/open.ts';
import type { CommandInput } from './command.ts';

/**
 * Runs a command against the database: the running embedded server of the data folder when
 * there is one (through its connection file), else one started for the command and stopped after.
 */
export async function withStore<T>(
  input: Pick<CommandInput, 'config' | 'lang'>,
  work: (ctx: Ctx, store: Store) => Promise<T>,
  options: { migrate?: boolean; log?: Logger } = {},
): Promise<T> {
  const store = await openStore(input.config, { holder: 'cli', migrate: options.migrate });
  try {
    return await work(cliCtx(input.config, store, input.lang, options.log), store);
  } finally {
    await store.close();
  }
}

function cliCtx(config: Config, store: Store, lang: CommandInput['lang'], log: Logger = silentLogger): Ctx {
  return { db: store.db, config, log, now: () => new Date(), actor: systemActor, lang };
}
