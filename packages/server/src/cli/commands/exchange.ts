import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@tansiq/core';
import { type ExportFormat, exportRecords, writeTemplate } from '../../services/export-records.ts';
import {
  importable,
  importRecords,
  type RowError,
  writeAnnotatedCopy,
} from '../../services/import-records.ts';
import type { Command, CommandInput } from '../command.ts';
import { progressBar } from '../progress.ts';
import { withStore } from '../with-store.ts';

function readMapping(file: string | undefined): Record<string, string> | undefined {
  if (!file) return undefined;
  if (!fs.existsSync(file)) throw new AppError('file.not_found', { file });
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('import.bad_mapping', { reason: 'not JSON' }, { cause: error });
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== 'string')
  ) {
    throw new AppError('import.bad_mapping', { reason: 'expected { "header": "field" }' });
  }
  return parsed as Record<string, string>;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import FILE --as RESOURCE [--dry-run] [--mapping FILE] [--errors FILE] [--json]',
  summary: {
    en: `Import a CSV, XLSX or HXL JSON file into a resource (${importable().join(', ')}): all rows or none.`,
    ar: `استيراد ملف CSV أو XLSX أو HXL JSON إلى نوع من السجلات (${importable().join('، ')}): كل الصفوف أو لا شيء.`,
  },
  options: {
    as: { type: 'string' },
    'dry-run': { type: 'boolean' },
    mapping: { type: 'string' },
    errors: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    as: {
      en: 'the resource, as the API names it (admin-units)',
      ar: 'نوع السجلات كما تسمّيه الواجهة (admin-units)',
    },
    'dry-run': { en: 'print the plan, change nothing', ar: 'عرض الخطة دون تغيير شيء' },
    mapping: { en: 'a JSON file { "header": "field" }', ar: 'ملف JSON بالشكل { "العنوان": "الحقل" }' },
    errors: {
      en: 'when rows have errors, write the file annotated with them to this XLSX',
      ar: 'عند وجود أخطاء، كتابة نسخة من الملف مشروحة بها في ملف XLSX هذا',
    },
    json: { en: 'print the full report as JSON', ar: 'طباعة التقرير كاملًا بصيغة JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const file = String(input.positionals[0]);
    const resource = input.values.as;
    if (typeof resource !== 'string') {
      throw new AppError('cli.usage', { command: 'import', reason: `usage: tansiq ${importCommand.usage}` });
    }
    if (!fs.existsSync(file)) throw new AppError('file.not_found', { file });
    const mapping = readMapping(input.values.mapping as string | undefined);
    const dryRun = Boolean(input.values['dry-run']);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const fileName = path.basename(file);
    const annotate = async (errors: readonly RowError[]) => {
      const target = input.values.errors;
      if (typeof target !== 'string' || errors.length === 0) return;
      const output = fs.createWriteStream(target);
      const closed = once(output, 'close');
      await writeAnnotatedCopy({ bytes, fileName }, errors, input.lang, output);
      await closed;
    };
    const bar = progressBar(input.err, dryRun ? 'plan' : 'import');
    let shown = 0;
    const report = await withStore(input, (ctx) =>
      importRecords(ctx, {
        bytes,
        fileName,
        resource,
        dryRun,
        mapping,
        maxBytes: input.config.importMaxBytes,
        onProgress: (rows) => {
          bar.tick(rows - shown);
          shown = rows;
        },
      }),
    )
      .finally(() => {
        if (shown > 0) bar.done();
      })
      .catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === 'import.rows_invalid') {
          await annotate(error.details.errors as RowError[]);
        }
        throw error;
      });
    await annotate(report.errors);
    if (input.values.json) {
      input.out.write(`${JSON.stringify(report, null, 2)}\n`);
      return report.errors.length > 0 ? 1 : 0;
    }
    const ar = input.lang === 'ar';
    const verb = dryRun ? (ar ? 'سيُنشأ' : 'would create') : ar ? 'أُنشئ' : 'created';
    const lines = [
      `${report.file} → ${report.resource}: ${report.rows} ${ar ? 'صفًا' : 'rows'}`,
      ar
        ? `  ${verb} ${report.created}، تحديث ${report.updated}، دون تغيير ${report.unchanged}، أخطاء ${report.errors.length}`
        : `  ${verb} ${report.created}, update ${report.updated}, unchanged ${report.unchanged}, errors ${report.errors.length}`,
    ];
    for (const error of report.errors.slice(0, 20)) {
      lines.push(
        `  ${ar ? 'السطر' : 'line'} ${error.line}${error.column ? ` ${error.column}` : ''}: ${error.message}`,
      );
    }
    if (report.batchId) lines.push(`  ${ar ? 'الدفعة' : 'batch'} ${report.batchId} (${report.status})`);
    if (dryRun) lines.push(ar ? '  (تجربة: لم يتغير شيء)' : '  (dry run: nothing changed)');
    input.out.write(`${lines.join('\n')}\n`);
    return report.errors.length > 0 ? 1 : 0;
  },
};

/** Where a file-producing command writes: the file, or standard output. */
function destination(input: CommandInput): Writable {
  const out = input.values.out;
  if (typeof out === 'string') return fs.createWriteStream(out);
  const stream = input.out;
  return new Writable({
    write(chunk, _encoding, done) {
      stream.write(chunk) ? done() : stream.once('drain', () => done());
    },
  });
}

const formats: ExportFormat[] = ['csv', 'xlsx', 'json', 'geojson'];

export const exportCommand: Command = {
  name: 'export',
  usage: 'export RESOURCE --format csv|xlsx|json|geojson [--hxl] [--out FILE]',
  summary: {
    en: 'Export a resource, streamed page by page (XLSX: HXL row; Arabic headers, right to left with --lang ar).',
    ar: 'تصدير نوع من السجلات صفحةً صفحة (XLSX: صف HXL؛ عناوين عربية من اليمين إلى اليسار مع ‎--lang ar‎).',
  },
  options: { format: { type: 'string' }, hxl: { type: 'boolean' }, out: { type: 'string' } },
  optionHelp: {
    format: { en: 'csv (default), xlsx, json or geojson', ar: 'csv (الافتراضي) أو xlsx أو json أو geojson' },
    hxl: { en: 'add the HXL hashtag row (always in XLSX)', ar: 'إضافة صف وسوم HXL (دائمًا في XLSX)' },
    out: {
      en: 'write to this file instead of standard output',
      ar: 'الكتابة في هذا الملف بدل المخرج القياسي',
    },
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const format = (input.values.format ?? 'csv') as ExportFormat;
    if (!formats.includes(format)) {
      throw new AppError('cli.usage', { command: 'export', reason: `--format ${formats.join('|')}` });
    }
    const resource = String(input.positionals[0]);
    await withStore(input, async (ctx) => {
      const hxl = Boolean(input.values.hxl) || format === 'xlsx';
      await pipeline(exportRecords(ctx, resource, { format, hxl }), destination(input));
    });
    return 0;
  },
};

export const templateCommand: Command = {
  name: 'template',
  usage: 'template RESOURCE [--out FILE]',
  summary: {
    en: 'Write a ready-to-fill XLSX for a resource: headers, the HXL row and drop-down lists.',
    ar: 'كتابة ملف XLSX جاهز للتعبئة: العناوين وصف HXL وقوائم الاختيار.',
  },
  options: { out: { type: 'string' } },
  optionHelp: {
    out: {
      en: 'the file to write (default RESOURCE-template.xlsx)',
      ar: 'الملف المراد كتابته (الافتراضي RESOURCE-template.xlsx)',
    },
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const resource = String(input.positionals[0]);
    const file = typeof input.values.out === 'string' ? input.values.out : `${resource}-template.xlsx`;
    await withStore(input, async (ctx) => {
      const output = fs.createWriteStream(file);
      const closed = new Promise<void>((resolve, reject) => {
        output.on('close', resolve);
        output.on('error', reject);
      });
      await writeTemplate(ctx, resource, output);
      await closed;
    });
    input.out.write(`${file}\n`);
    return 0;
  },
};
