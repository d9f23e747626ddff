import fs from 'node:fs';
import { AppError, type IngestSourceResult, type Lang, SourceIngestInput, sourceKinds } from '@tansiq/core';
import { ingestSource } from '../../services/ingest-source.ts';
import type { Command, CommandInput } from '../command.ts';
import { fieldsFromFlags, stringOptions, validateFlags } from '../flags.ts';
import { formatNumber } from '../table.ts';
import { withStore } from '../with-store.ts';

/** The flag that sets each field of `POST /api/sources` (published and the text are read apart). */
const sourceFlags = {
  operationId: 'operation',
  kind: 'kind',
  title: 'title',
  language: 'language',
  outletId: 'outlet',
  authorPersonId: 'author',
  authorText: 'author-text',
  url: 'url',
  retrievedAt: 'retrieved',
  sensitivity: 'sensitivity',
} satisfies Partial<Record<keyof SourceIngestInput, string>>;

/** `2021-07-25`, `2021-07` or `2021`: the date and its precision. */
function publishedOf(value: string | boolean | undefined): unknown {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}$/.test(value)) return { date: `${value}-01-01`, precision: 'year' };
  if (/^\d{4}-\d{2}$/.test(value)) return { date: `${value}-01`, precision: 'month' };
  return { date: value, precision: 'day' };
}

/** The file's text exactly as its bytes say: UTF-8 (a BOM kept), refused when it is not UTF-8. */
function readText(file: string): string {
  if (!fs.existsSync(file)) throw new AppError('file.not_found', { file });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(fs.readFileSync(file));
  } catch (error) {
    const reason =
      error instanceof TypeError ? 'not UTF-8 text' : error instanceof Error ? error.message : '';
    throw new AppError('file.unreadable', { file, reason }, { cause: error });
  }
}

function summary(result: IngestSourceResult, lang: Lang): string {
  const { source } = result;
  const ar = lang === 'ar';
  const title = source.title ? `  «${source.title}»` : '';
  const head = result.created
    ? `${ar ? 'أُضيف المصدر' : 'created source'} ${source.id}${title}`
    : `${ar ? 'المصدر معروف من قبل (لم يتغير شيء):' : 'already known (nothing changed): source'} ${source.id}${title}`;
  const facts = [
    `sha256 ${source.sha256 ?? '-'}`,
    `${formatNumber(source.contentLength ?? 0, lang)} ${ar ? 'محرفًا' : 'characters'}`,
    source.language ?? '',
  ].filter((fact) => fact !== '');
  const lines = [head, `  ${facts.join('  ')}`];
  if (result.similar.length > 0) {
    lines.push(ar ? 'نسخ متقاربة:' : 'near-duplicates:');
    for (const similar of result.similar) {
      const percent = `${formatNumber(Math.round(similar.similarity * 100), lang)}%`;
      lines.push(
        `  ${percent.padStart(5)}  ${similar.sourceId}${similar.title ? `  «${similar.title}»` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export const sourceAddCommand: Command = {
  name: 'source add',
  usage: 'source add FILE --kind K [--title …] [--outlet ORG_ID] [--published YYYY-MM-DD] [--json]',
  summary: {
    en: 'Ingest a plain-text source: the same text twice is one source; near-duplicates are linked.',
    ar: 'استيعاب مصدر نصي: النص نفسه مرتين مصدر واحد، وتُربط النسخ المتقاربة.',
  },
  options: {
    ...stringOptions([...Object.values(sourceFlags), 'published']),
    json: { type: 'boolean' },
  },
  optionHelp: {
    'kind K': { en: sourceKinds.join(', '), ar: sourceKinds.join('، ') },
    'title TEXT': { en: 'the headline or title', ar: 'العنوان' },
    'outlet ORG_ID': {
      en: 'the outlet or issuer (an organization)',
      ar: 'الوسيلة أو الجهة المُصدِرة (منظمة)',
    },
    'author PERSON_ID': { en: 'the author (a person)', ar: 'الكاتب (شخص)' },
    'author-text TEXT': { en: 'the byline as printed', ar: 'اسم الكاتب كما نُشر' },
    'url URL': { en: 'where it was published', ar: 'رابط النشر' },
    'published DATE': {
      en: 'YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known',
      ar: 'YYYY-MM-DD، أو YYYY-MM / YYYY إن لم يُعرف إلا الشهر أو السنة',
    },
    'retrieved ISO': { en: 'when it was retrieved (date and time)', ar: 'وقت الحصول عليه (تاريخ ووقت)' },
    'language ar|en': {
      en: 'the language (default: detected from the text)',
      ar: 'اللغة (افتراضيًا: تُستنتج من النص)',
    },
    'sensitivity S': {
      en: 'public (default), restricted, confidential or secret',
      ar: 'public (افتراضيًا) أو restricted أو confidential أو secret',
    },
    'operation ID': {
      en: 'the operation (default: the default operation)',
      ar: 'العملية (افتراضيًا العملية الافتراضية)',
    },
    json: {
      en: 'print the answer as JSON (as the API answers)',
      ar: 'طباعة الإجابة بصيغة JSON (كما تجيب الواجهة البرمجية)',
    },
  },
  positionals: { min: 1, max: 1 },
  async run(input: CommandInput) {
    if (typeof input.values.kind !== 'string') {
      const reason = input.lang === 'ar' ? 'الأمر source add يحتاج ‎--kind‎' : 'source add needs --kind';
      throw new AppError('cli.usage', { command: 'source add', reason });
    }
    const text = readText(String(input.positionals[0]));
    const raw: Record<string, unknown> = { ...fieldsFromFlags(input.values, sourceFlags), text };
    raw.published = publishedOf(input.values.published);
    // The route's body schema, checked before the database is opened; the service checks it again.
    const body = validateFlags(SourceIngestInput, raw, { ...sourceFlags, published: 'published' });
    const result = await withStore(input, (ctx) => ingestSource(ctx, body));
    input.out.write(input.values.json ? `${JSON.stringify(result, null, 2)}\n` : summary(result, input.lang));
    return 0;
  },
};
