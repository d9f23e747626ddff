import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError, type Lang } from '@tansiq/core';
import type { Config } from '../config.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: Config;
  lang: Lang;
  in: NodeJS.ReadableStream;
  out: NodeJS.WritableStream;
  err: NodeJS.WriteStream | NodeJS.WritableStream;
}

/** One CLI command: its words, its options, a line of help in each language, and what it does. */
export interface Command {
  name: string;
  usage: string;
  summary: Record<Lang, string>;
  options: Options;
  optionHelp?: Record<string, Record<Lang, string>>;
  positionals?: { min: number; max: number };
  run(input: CommandInput): Promise<number>;
}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const { min, max } = command.positionals ?? { min: 0, max: 0 };
    if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
      throw new AppError('cli.usage', { command: command.name, reason: `usage: tansiq ${command.usage}` });
    }
    return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    throw new AppError('cli.usage', { command: command.name, reason });
  }
}

export function commandHelp(command: Command, lang: Lang): string {
  const rows: [string, string][] = Object.entries(command.optionHelp ?? {}).map(([name, help]) => [
    `--${name}`,
    help[lang],
  ]);
  rows.push(['--lang ar|en', lang === 'ar' ? 'لغة الرسائل' : 'language of messages']);
  rows.push(['--help', lang === 'ar' ? 'هذه المساعدة' : 'this help']);
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  const lines = [
    `tansiq ${command.usage}`,
    '',
    command.summary[lang],
    '',
    ...rows.map(([n, h]) => `  ${n.padEnd(width)}${h}`),
  ];
  return `${lines.join('\n')}\n`;
}
