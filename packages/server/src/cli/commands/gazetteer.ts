import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@tansiq/core';
import { importGazetteer } from '../../services/import-gazetteer.ts';
import type { Command } from '../command.ts';
import { progressBar } from '../progress.ts';
import { withStore } from '../with-store.ts';

export const gazetteerImportCommand: Command = {
  name: 'gazetteer import',
  usage: 'gazetteer import FILE [--dry-run] [--json]',
  summary: {
    en: 'Import OCHA p-code tables (CSV with header, optional HXL row) or GeoJSON boundaries, matched on p-code or exact name.',
    ar: 'استيراد جداول رموز OCHA (CSV مع صف عناوين وصف HXL اختياري) أو حدود GeoJSON، بالمطابقة على الرمز أو الاسم.',
  },
  options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  optionHelp: {
    'dry-run': { en: 'report what would change, change nothing', ar: 'عرض ما سيتغير دون تغيير شيء' },
    json: { en: 'print the full report as JSON', ar: 'طباعة التقرير كاملًا بصيغة JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const file = String(input.positionals[0]);
    if (!fs.existsSync(file)) throw new AppError('file.not_found', { file });
    const content = fs.readFileSync(file, 'utf8');
    let bar: ReturnType<typeof progressBar> | undefined;
    const report = await withStore(input, (ctx) =>
      importGazetteer(
        ctx,
        { content, fileName: path.basename(file), dryRun: Boolean(input.values['dry-run']) },
        (done, total) => {
          bar ??= progressBar(input.err, 'gazetteer', total);
          bar.tick();
          if (done === total) bar.done();
        },
      ),
    );
    if (input.values.json) {
      input.out.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const lines =
      input.lang === 'ar'
        ? [
            `${report.file}: ${report.rows} صفًا`,
            `  مطابق: ${report.matched} (دون تغيير ${report.unchanged}، محدَّث ${report.updated})`,
            `  جديد: ${report.created}، غير مطابق: ${report.unmatched.length}، ملتبس: ${report.ambiguous.length}`,
          ]
        : [
            `${report.file}: ${report.rows} rows`,
            `  matched: ${report.matched} (unchanged ${report.unchanged}, updated ${report.updated})`,
            `  created: ${report.created}, unmatched: ${report.unmatched.length}, ambiguous: ${report.ambiguous.length}`,
          ];
    for (const change of report.changes.slice(0, 20)) {
      lines.push(
        `  ${change.action} ${change.pcode}${change.fields.length ? `: ${change.fields.join(', ')}` : ''}`,
      );
    }
    if (report.changes.length > 20) lines.push(`  … ${report.changes.length - 20} more`);
    for (const row of report.unmatched.slice(0, 20)) lines.push(`  unmatched line ${row.line}: ${row.name}`);
    for (const row of report.ambiguous.slice(0, 20)) {
      lines.push(`  ambiguous line ${row.line}: ${row.name} (${row.candidates.join(', ')})`);
    }
    if (report.dryRun)
      lines.push(input.lang === 'ar' ? '  (تجربة: لم يتغير شيء)' : '  (dry run: nothing changed)');
    input.out.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
