import { AppError, type AuditProblem, type AuditVerification, type Lang, messageFor } from '@tansiq/core';
import { verifyAudit } from '../../services/verify-audit.ts';
import type { Command } from '../command.ts';
import { withStore } from '../with-store.ts';

/** Problems printed; --json gives the first hundred. */
const shownProblems = 10;

const labels = {
  intact: { en: 'The audit log is intact', ar: 'سجل التدقيق سليم' },
  tampered: { en: 'The audit log was altered', ar: 'سجل التدقيق عُبث به' },
  entries: { en: 'entries', ar: 'قيود' },
  checkpoint: { en: 'checkpoint', ar: 'نقطة التحقق' },
  problems: { en: 'problems', ar: 'مشكلات' },
  more: { en: 'more', ar: 'أخرى' },
  entry: { en: 'entry', ar: 'القيد' },
  unverifiable: { en: 'the audit log could not be checked', ar: 'تعذّر التحقق من سجل التدقيق' },
} satisfies Record<string, Record<Lang, string>>;

const kindLabels = {
  hash_mismatch: {
    en: 'its hash does not match its contents: the entry was altered',
    ar: 'بصمته لا تطابق محتواه: عُدِّل القيد',
  },
  chain_break: {
    en: 'it does not link to the entry before it: an entry was altered, removed or inserted',
    ar: 'لا يرتبط بالقيد الذي قبله: عُدِّل قيد أو حُذف أو أُدرج',
  },
  gap: { en: 'entries before it are missing', ar: 'قيود قبله مفقودة' },
  checkpoint_mismatch: {
    en: 'the last entry is not the one the checkpoint names: the newest entries were removed or added',
    ar: 'القيد الأخير ليس الذي تسمّيه نقطة التحقق: حُذفت أحدث القيود أو أُضيفت',
  },
  checkpoint_missing: { en: 'the checkpoint is missing', ar: 'نقطة التحقق مفقودة' },
} satisfies Record<AuditProblem['kind'], Record<Lang, string>>;

function problemLine(problem: AuditProblem, lang: Lang): string {
  const where =
    problem.kind === 'checkpoint_mismatch'
      ? `${labels.checkpoint[lang]} ${problem.seq}`
      : problem.seq === null
        ? labels.checkpoint[lang]
        : `${labels.entry[lang]} ${problem.seq}`;
  const detail = problem.expected !== undefined ? ` (${problem.expected} ≠ ${problem.found ?? '—'})` : '';
  return `  ${where}: ${kindLabels[problem.kind][lang]}${detail}`;
}

function render(result: AuditVerification, lang: Lang): string {
  const head = result.checkpoint ? `, ${labels.checkpoint[lang]} ${result.checkpoint.seq}` : '';
  if (result.intact) return `${labels.intact[lang]}: ${result.entries} ${labels.entries[lang]}${head}.\n`;
  const lines = [
    `${labels.tampered[lang]}: ${result.problemCount} ${labels.problems[lang]} (${result.entries} ${labels.entries[lang]}${head}).`,
    ...result.problems.slice(0, shownProblems).map((problem) => problemLine(problem, lang)),
  ];
  if (result.problemCount > shownProblems)
    lines.push(`  … ${result.problemCount - shownProblems} ${labels.more[lang]}`);
  return `${lines.join('\n')}\n`;
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'audit verify [--json]',
  summary: {
    en: 'Check the audit log’s hash chain and checkpoint: exit 0 intact, 1 altered, 2 could not check.',
    ar: 'التحقق من سلسلة بصمات سجل التدقيق ونقطة التحقق: ‎0‎ سليم، ‎1‎ عُبث به، ‎2‎ تعذّر التحقق.',
  },
  options: { json: { type: 'boolean' } },
  optionHelp: {
    json: {
      en: 'print the result as JSON (as GET /api/audit/verify answers)',
      ar: 'طباعة النتيجة بصيغة JSON (كما تجيب GET /api/audit/verify)',
    },
  },
  async run(input) {
    let result: AuditVerification;
    try {
      // Read through the owner's connection, and change nothing: no migration before checking.
      result = await withStore(input, (ctx, store) => verifyAudit(ctx, store.owner), { migrate: false });
    } catch (error) {
      const reason =
        error instanceof AppError
          ? messageFor(input.lang, error.code, error.details)
          : error instanceof Error
            ? error.message
            : String(error);
      input.err.write(`tansiq: ${labels.unverifiable[input.lang]}: ${reason}\n`);
      return 2;
    }
    input.out.write(input.values.json ? `${JSON.stringify(result, null, 2)}\n` : render(result, input.lang));
    return result.intact ? 0 : 1;
  },
};
