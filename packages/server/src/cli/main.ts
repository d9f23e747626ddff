import { AppError, type Lang, messageFor, pickLang } from '@tansiq/core';
import { type Config, loadConfig } from '../config.ts';
import { presentError } from '../http/errors.ts';
import { type Command, commandHelp, parseCommandArgs } from './command.ts';
import { auditVerifyCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { claimVerifyCommand } from './commands/claim.ts';
import { dbMigrateCommand, dbResetCommand } from './commands/db.ts';
import { demoLoadCommand } from './commands/demo.ts';
import { exportCommand, importCommand, templateCommand } from './commands/exchange.ts';
import { extractCommand } from './commands/extract.ts';
import { gazetteerImportCommand } from './commands/gazetteer.ts';
import { getCommand, listCommand } from './commands/list.ts';
import { provenanceCommand } from './commands/provenance.ts';
import { recordMovementCommand, recordReverseCommand } from './commands/record.ts';
import { reportCommand, reportCommands } from './commands/report.ts';
import { reviewCommands } from './commands/review.ts';
import { serveCommand } from './commands/serve.ts';
import { sourceAddCommand } from './commands/source.ts';
import { tokenCreateCommand, userCreateCommand } from './commands/user.ts';

export const commands: Command[] = [
  serveCommand,
  dbMigrateCommand,
  dbResetCommand,
  demoLoadCommand,
  gazetteerImportCommand,
  importCommand,
  exportCommand,
  templateCommand,
  backupCommand,
  restoreCommand,
  reportCommand,
  ...reportCommands,
  recordMovementCommand,
  recordReverseCommand,
  sourceAddCommand,
  extractCommand,
  ...reviewCommands,
  provenanceCommand,
  auditVerifyCommand,
  listCommand,
  getCommand,
  claimVerifyCommand,
  userCreateCommand,
  tokenCreateCommand,
];

/** Exit codes (api.md): 0 ok, 1 refused (bad input, a domain rule), 2 usage, 3 internal. */
function exitCodeOf(error: AppError): number {
  if (error.code === 'cli.usage' || error.code === 'cli.unknown_command') return 2;
  if (error.code === 'internal') return 3;
  return 1;
}

function generalHelp(lang: Lang): string {
  const lines = [
    lang === 'ar' ? 'الاستخدام: tansiq <أمر> [خيارات]' : 'usage: tansiq <command> [options]',
    '',
    ...commands.map((command) => `  ${command.usage.padEnd(44)} ${command.summary[lang]}`),
    '',
    lang === 'ar'
      ? 'لكل أمر: ‎--help‎ للمساعدة، ‎--lang ar|en‎ للغة الرسائل.'
      : 'Every command takes --help, and --lang ar|en for the language of messages.',
  ];
  return `${lines.join('\n')}\n`;
}

function langOf(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const flag =
    index < 0 ? undefined : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  return pickLang(flag, env.TANSIQ_LOCALE, env.LC_ALL, env.LANG);
}

export interface CliIo {
  /** Standard input (passwords, batches); process.stdin when not given. */
  in?: NodeJS.ReadableStream;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export async function main(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr, env: process.env },
): Promise<number> {
  const lang = langOf(argv, io.env);
  const words = argv.filter((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--lang');
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => words[i] === word));
  try {
    if (!command) {
      if (words.length === 0) {
        io.out.write(generalHelp(lang));
        return argv.some((arg) => arg === '--help' || arg === '-h') ? 0 : 2;
      }
      throw new AppError('cli.unknown_command', { command: words.slice(0, 2).join(' ') });
    }
    const rest = [...argv];
    for (const word of command.name.split(' ')) rest.splice(rest.indexOf(word), 1);
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.out.write(commandHelp(command, lang));
      return 0;
    }
    const config: Config = loadConfig(io.env);
    return await command.run({
      values,
      positionals,
      config,
      lang,
      in: io.in ?? process.stdin,
      out: io.out,
      err: io.err,
    });
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError('internal', {}, { cause: error });
    if (appError.code === 'internal')
      io.err.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const message =
      appError.code === 'validation.invalid'
        ? presentError(appError, lang).error.message
        : messageFor(lang, appError.code, appError.details);
    io.err.write(`tansiq: ${message}\n`);
    return exitCodeOf(appError);
  }
}
