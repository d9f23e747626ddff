import { once } from 'node:events';
import fs from 'node:fs';
import { AppError, type Lang, messageFor } from '@tansiq/core';
import { z } from 'zod';
import { type Extraction, ExtractOptionsInput, extractChecked } from '../../extract/index.ts';
import type { EventMention } from '../../extract/types.ts';
import type { Command, CommandInput } from '../command.ts';
import { validateFlags } from '../flags.ts';
import { formatNumber } from '../table.ts';

/** The flag that sets each option; `--lang` is read by the CLI itself (and is also the text's language). */
const optionFlags = { published: 'published', referenceTime: 'reference-time' } as const;

/** Flags give every batch line its defaults; a line's own fields win. */
function flagOptions(input: CommandInput): ExtractOptionsInput {
  const raw: Record<string, unknown> = {};
  for (const [field, flag] of Object.entries(optionFlags)) {
    const value = input.values[flag];
    if (typeof value === 'string') raw[field] = value;
  }
  const lang = input.values.lang;
  if (typeof lang === 'string') raw.lang = lang;
  return validateFlags(ExtractOptionsInput, raw, { ...optionFlags, lang: 'lang' });
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** All of stdin, stopping (and refusing) as soon as it passes the limit. */
async function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new AppError('extract.too_large', { size: `> ${maxBytes}`, limit: maxBytes });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The lines of a stream as bytes, each decoded on its own so that one bad line spoils nothing else. */
async function* lines(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    let buffer = Buffer.concat([rest, typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)]);
    for (let newline = buffer.indexOf(0x0a); newline >= 0; newline = buffer.indexOf(0x0a)) {
      yield buffer.subarray(0, newline);
      buffer = buffer.subarray(newline + 1);
    }
    rest = buffer;
  }
  if (rest.length > 0) yield rest;
}

const BatchLine = ExtractOptionsInput.extend({
  id: z.union([z.string(), z.number()]).nullish(),
  text: z.string(),
});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One batch line → one answer line. Whatever is wrong with the line (not UTF-8, not JSON, a field of the
 * wrong type, an empty text) is that line's error.
 */
function answerLine(
  raw: Buffer,
  defaults: ExtractOptionsInput,
  maxBytes: number,
  lang: Lang,
  err: NodeJS.WritableStream,
) {
  let id: unknown = null;
  try {
    let json: unknown;
    try {
      json = JSON.parse(strictUtf8.decode(raw));
    } catch (error) {
      if (error instanceof TypeError) throw new AppError('extract.not_utf8');
      throw new AppError('request.invalid_body', { reason: 'the line is not JSON' });
    }
    if (json !== null && typeof json === 'object' && 'id' in json) id = (json as { id: unknown }).id;
    const parsed = BatchLine.safeParse(json, { reportInput: true });
    if (!parsed.success) throw new AppError('validation.invalid', { issues: parsed.error.issues });
    const { id: _id, text, ...options } = parsed.data;
    const merged = Object.fromEntries(
      Object.entries({ ...defaults, ...options }).filter(
        ([, value]) => value !== undefined && value !== null,
      ),
    );
    return { id, result: extractChecked(text, merged, { maxBytes }) };
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError('internal', {}, { cause: error });
    if (appError.code === 'internal')
      err.write(
        `tansiq extract: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    return { id, error: messageLine(appError, lang), code: appError.code };
  }
}

function messageLine(error: AppError, lang: Lang): string {
  if (error.code !== 'validation.invalid') return messageFor(lang, error.code, error.details);
  const issues = (error.details.issues ?? []) as { path: PropertyKey[]; message: string }[];
  const summary = issues.map((issue) => `${issue.path.map(String).join('.') || '(line)'}: ${issue.message}`);
  return messageFor(lang, error.code, { summary: summary.join('; ') });
}

async function runBatch(input: CommandInput, stdin: NodeJS.ReadableStream): Promise<number> {
  const defaults = flagOptions(input);
  const { extractMaxBytes } = input.config;
  for await (const raw of lines(stdin)) {
    const line = raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw;
    if (line.toString('latin1').trim() === '') continue;
    const answer = answerLine(line, defaults, extractMaxBytes, input.lang, input.err);
    await write(input.out, `${JSON.stringify(answer)}\n`);
  }
  return 0;
}

/* ------------------------------------------------------------------------------------------------ */
/* --format text                                                                                      */
/* ------------------------------------------------------------------------------------------------ */

const labels = {
  en: {
    document: 'document',
    published: 'published',
    numbers: 'numbers',
    quantities: 'quantities',
    dates: 'dates',
    places: 'places',
    organizations: 'organizations',
    events: 'events',
    claimant: 'claimant',
    participants: 'participants',
    mentions: 'mentions',
    none: '—',
    unknownYear: 'year unknown',
  },
  ar: {
    document: 'الوثيقة',
    published: 'نُشرت',
    numbers: 'الأعداد',
    quantities: 'الكميات',
    dates: 'التواريخ',
    places: 'الأماكن',
    organizations: 'الجهات',
    events: 'الأحداث',
    claimant: 'المصدر',
    participants: 'المشاركون',
    mentions: 'مواضع',
    none: '—',
    unknownYear: 'السنة غير معروفة',
  },
} satisfies Record<Lang, Record<string, string>>;

const eventTypeNames: Record<EventMention['type'], Record<Lang, string>> = {
  meeting: { en: 'meeting', ar: 'اجتماع' },
  conference: { en: 'conference', ar: 'مؤتمر' },
  delivery: { en: 'delivery', ar: 'تسليم' },
  distribution: { en: 'distribution', ar: 'توزيع' },
  return_movement: { en: 'return movement', ar: 'عودة' },
  agreement: { en: 'agreement', ar: 'اتفاق' },
  statement: { en: 'statement', ar: 'تصريح' },
  boycott: { en: 'boycott', ar: 'مقاطعة' },
  military_action: { en: 'military action', ar: 'عمل عسكري' },
  other: { en: 'other', ar: 'غير ذلك' },
};

const statusNames: Record<EventMention['status'], Record<Lang, string>> = {
  announced: { en: 'announced', ar: 'مُعلَن' },
  planned: { en: 'planned', ar: 'مُخطَّط' },
  held: { en: 'held', ar: 'جرى' },
  completed: { en: 'completed', ar: 'أُنجز' },
  cancelled: { en: 'cancelled', ar: 'أُلغي' },
  unknown: { en: 'status unknown', ar: 'الحال غير معروفة' },
};

function dateText(value: EventMention['date'], lang: Lang): string {
  if (value === null) return labels[lang].unknownYear;
  return typeof value === 'string' ? value : `${value.start} – ${value.end}`;
}

function excerpt(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** Names with how often each occurs: «Damascus ×5, Syria ×9». */
function tally(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
}

/** A readable summary in the language of messages; the facts themselves as extracted. */
export function extractionSummary(result: Extraction, lang: Lang): string {
  const l = labels[lang];
  const n = (value: number) => formatNumber(value, lang);
  const doc = result.document;
  const head = [doc.language, doc.title ? `«${doc.title}»` : null, doc.outlet, doc.author]
    .filter((part) => part !== null)
    .join(' · ');
  const out = [`${l.document}: ${head}${doc.published ? ` · ${l.published} ${doc.published}` : ''}`];
  const count = (label: string, list: readonly unknown[]) => `${label} (${n(list.length)})`;
  out.push(
    `${count(l.numbers, result.numbers)}: ${result.numbers.map((number) => n(number.value)).join(', ') || l.none}`,
  );
  out.push(`${count(l.quantities, result.quantities)}:`);
  for (const q of result.quantities) {
    const approximate = q.approximate ? '~' : '';
    out.push(`  ${approximate}${n(q.value)} ${q.unit}${q.item ? ` — ${q.item}` : ''}  «${q.text}»`);
  }
  out.push(`${count(l.dates, result.dates)}:`);
  for (const date of result.dates) out.push(`  ${dateText(date.value, lang)}  «${date.text}»`);
  const placeNames = result.places.map((place) =>
    place.pcode ? `${place.name} (${place.pcode})` : place.name,
  );
  out.push(`${count(l.places, result.places)}: ${tally(placeNames) || l.none}`);
  out.push(
    `${count(l.organizations, result.organizations)}: ${tally(result.organizations.map((o) => o.name)) || l.none}`,
  );
  out.push(`${count(l.events, result.events)}:`);
  for (const event of result.events) {
    const facts = [
      eventTypeNames[event.type][lang],
      statusNames[event.status][lang],
      event.date === null ? null : dateText(event.date, lang),
      event.place,
    ].filter((fact) => fact !== null);
    const who = [
      event.claimant ? `${l.claimant}: ${event.claimant}` : null,
      event.participants.length > 0 ? `${l.participants}: ${event.participants.join(', ')}` : null,
      event.quantities.length > 0 ? event.quantities.map(n).join(', ') : null,
      event.mentions.length > 1 ? `${n(event.mentions.length)} ${l.mentions}` : null,
    ].filter((part) => part !== null);
    out.push(`  ${facts.join(' · ')}${who.length > 0 ? ` — ${who.join('; ')}` : ''}`);
    out.push(`    «${excerpt(event.text)}»`);
  }
  return `${out.join('\n')}\n`;
}

/* ------------------------------------------------------------------------------------------------ */

export const extractCommand: Command = {
  name: 'extract',
  usage:
    'extract [FILE|-] [--published YYYY-MM-DD] [--reference-time ISO] [--lang ar|en|auto] [--format json|text] [--batch]',
  summary: {
    en: 'Extract numbers, quantities, dates, places, organizations and events from a text or HTML page (no database). --lang also names the language of the text (default: detected).',
    ar: 'استخراج الأعداد والكميات والتواريخ والأماكن والجهات والأحداث من نص أو صفحة HTML (دون قاعدة بيانات). يحدد ‎--lang‎ لغة النص أيضًا (افتراضيًا: تُستنتج).',
  },
  options: {
    published: { type: 'string' },
    'reference-time': { type: 'string' },
    format: { type: 'string' },
    batch: { type: 'boolean' },
  },
  optionHelp: {
    'published DATE': {
      en: 'the publication date when you know it; relative dates resolve against it',
      ar: 'تاريخ النشر إن كان معروفًا، وتُحسب التواريخ النسبية منه',
    },
    'reference-time ISO': {
      en: 'what relative dates resolve against when there is no publication date (default: now)',
      ar: 'ما تُحسب منه التواريخ النسبية حين لا يُعرف تاريخ النشر (افتراضيًا: الآن)',
    },
    'format json|text': {
      en: 'JSON as the API answers (default), or a readable summary',
      ar: 'JSON كما تجيب الواجهة البرمجية (افتراضيًا)، أو ملخص مقروء',
    },
    batch: {
      en: 'JSON lines {"id","text",…} on stdin → {"id","result"} or {"id","error"} lines, in order',
      ar: 'أسطر JSON ‏{"id","text",…} من الدخل → أسطر {"id","result"} أو {"id","error"} بالترتيب',
    },
  },
  positionals: { min: 0, max: 1 },
  async run(input) {
    const format = input.values.format ?? 'json';
    if (format !== 'json' && format !== 'text')
      throw new AppError('cli.usage', { command: 'extract', reason: '--format is json or text' });
    const stdin = input.in;
    const file = input.positionals[0];
    if (input.values.batch) {
      if (file !== undefined && file !== '-')
        throw new AppError('cli.usage', { command: 'extract', reason: '--batch reads its lines from stdin' });
      return await runBatch(input, stdin);
    }
    const options = flagOptions(input);
    if ((file === undefined || file === '-') && (stdin as { isTTY?: boolean }).isTTY)
      throw new AppError('cli.usage', { command: 'extract', reason: 'give a FILE, or the text on stdin' });
    const maxBytes = input.config.extractMaxBytes;
    let bytes: Uint8Array;
    if (file === undefined || file === '-') {
      bytes = await readAll(stdin, maxBytes);
    } else {
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory())
        throw new AppError('file.not_found', { file });
      const size = fs.statSync(file).size;
      if (size > maxBytes) throw new AppError('extract.too_large', { size, limit: maxBytes });
      bytes = fs.readFileSync(file);
    }
    const result = extractChecked(bytes, options, { maxBytes });
    await write(
      input.out,
      format === 'text' ? extractionSummary(result, input.lang) : `${JSON.stringify(result, null, 2)}\n`,
    );
    return 0;
  },
};
