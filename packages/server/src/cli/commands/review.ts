import {
  AppError,
  type ExtractCandidatesResult,
  type Lang,
  ReviewAcceptInput,
  type ReviewAcceptResult,
  ReviewCandidateListQuery,
  type ReviewCandidateView,
  ReviewRejectInput,
  Uuid,
} from '@tansiq/core';
import { z } from 'zod';
import { acceptCandidate } from '../../services/accept-candidate.ts';
import { extractCandidates } from '../../services/extract-candidates.ts';
import { listCandidates } from '../../services/list-candidates.ts';
import { rejectCandidate } from '../../services/reject-candidate.ts';
import { validate } from '../../services/validate.ts';
import type { Command, CommandInput } from '../command.ts';
import { fieldsFromFlags, stringOptions, validateFlags } from '../flags.ts';
import { formatNumber } from '../table.ts';
import { withStore } from '../with-store.ts';

const labels = {
  none: { en: 'No candidates.', ar: 'لا مرشَّحات.' },
  of: { en: 'of', ar: 'من' },
  needs: { en: 'needs', ar: 'يحتاج' },
  link: { en: 'a claim about a record you name (--link)', ar: 'ادعاء عن سجل تحدده (‎--link‎)' },
  accepted: { en: 'accepted', ar: 'قُبل' },
  rejected: { en: 'rejected', ar: 'رُفض' },
  candidate: { en: 'candidate', ar: 'المرشَّح' },
  created: { en: 'created', ar: 'أُنشئ' },
  linked: { en: 'linked to', ar: 'رُبط بـ' },
  claims: { en: 'claims', ar: 'ادعاءات' },
  queued: { en: 'new candidates', ar: 'مرشَّحات جديدة' },
  existing: { en: 'already queued', ar: 'موجودة من قبل' },
  unanchored: { en: 'not found in the stored text', ar: 'لم يُعثر عليها في النص المحفوظ' },
  more: { en: 'more: --cursor', ar: 'المزيد: ‎--cursor‎' },
} satisfies Record<string, Record<Lang, string>>;
const t = (key: keyof typeof labels, lang: Lang) => labels[key][lang];

const IdArg = z.object({ id: Uuid });
const idOf = (input: CommandInput) => validate(IdArg, { id: input.positionals[0] }).id;
const json = { json: { type: 'boolean' as const } };
const jsonHelp = (what: string) => ({
  json: {
    en: `print the answer as JSON (as ${what} answers)`,
    ar: `طباعة الإجابة بصيغة JSON (كما تجيب ${what})`,
  },
});

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** One candidate in two lines: what it is and its words, then what accepting would do. */
function candidateLines(candidate: ReviewCandidateView, lang: Lang): string[] {
  const { proposal } = candidate;
  const head = `${candidate.id}  ${candidate.status.padEnd(8)} ${candidate.kind}:${candidate.type}  «${oneLine(candidate.quote.text, 70)}»`;
  const target =
    proposal.action === 'create' && proposal.resource
      ? `→ ${proposal.resource}${proposal.recordStatus ? ` (${proposal.recordStatus})` : ''}`
      : `→ ${t('link', lang)}`;
  const missing = proposal.missing.filter((field) => field !== 'link');
  const needs = missing.length > 0 ? `  ${t('needs', lang)}: ${missing.join(', ')}` : '';
  const decided = candidate.decision?.record
    ? `  ${candidate.decision.record.resource} ${candidate.decision.record.id}`
    : '';
  return [head, `    ${target}${needs}${decided}`];
}

export const reviewListCommand: Command = {
  name: 'review list',
  usage: 'review list [--source ID] [--status pending|accepted|rejected] [--kind event|quantity] [--json]',
  summary: {
    en: 'The review queue: facts extracted from sources, with what accepting each would create.',
    ar: 'قائمة المراجعة: الوقائع المستخرجة من المصادر، وما يُنشئه قبول كل منها.',
  },
  options: { ...stringOptions(['source', 'status', 'kind', 'limit', 'cursor']), ...json },
  optionHelp: {
    'source ID': { en: 'the candidates of one source', ar: 'مرشَّحات مصدر واحد' },
    'status S': { en: 'pending, accepted or rejected', ar: 'pending أو accepted أو rejected' },
    'kind K': { en: 'event or quantity', ar: 'event أو quantity' },
    'limit N': { en: 'at most N (default 50)', ar: 'N على الأكثر (افتراضيًا 50)' },
    'cursor C': { en: 'the next page', ar: 'الصفحة التالية' },
    ...jsonHelp('GET /api/review/candidates'),
  },
  positionals: { min: 0, max: 0 },
  async run(input) {
    const flags = { sourceId: 'source', status: 'status', kind: 'kind', limit: 'limit', cursor: 'cursor' };
    const query = validateFlags(ReviewCandidateListQuery, fieldsFromFlags(input.values, flags), flags);
    const page = await withStore(input, (ctx) => listCandidates(ctx, query));
    if (input.values.json) {
      input.out.write(`${JSON.stringify(page, null, 2)}\n`);
      return 0;
    }
    const { lang } = input;
    if (page.items.length === 0) {
      input.out.write(`${t('none', lang)}\n`);
      return 0;
    }
    const lines = page.items.flatMap((candidate) => candidateLines(candidate, lang));
    lines.push(`${formatNumber(page.items.length, lang)} ${t('of', lang)} ${formatNumber(page.total, lang)}`);
    if (page.nextCursor) lines.push(`${t('more', lang)} ${page.nextCursor}`);
    input.out.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** The flags of an acceptance, as the body of POST /api/review/candidates/:id/accept. */
function acceptBody(input: CommandInput): ReviewAcceptInput {
  const { values } = input;
  const raw: Record<string, unknown> = fieldsFromFlags(values, {
    link: 'link',
    linkResource: 'resource',
    field: 'field',
    status: 'status',
    date: 'date',
    claimantOrganizationId: 'claimant',
    claimantPersonId: 'claimant-person',
  });
  // --value, --unit and --approximate correct the first figure; --item names each figure's item, in order.
  const items = typeof values.item === 'string' ? values.item.split(',').map((id) => id.trim()) : [];
  const first: Record<string, unknown> = {};
  if (typeof values.value === 'string') first.value = Number(values.value.replace(/[,_\s]/g, ''));
  if (typeof values.unit === 'string') first.unit = values.unit;
  if (values.approximate) first.approximate = true;
  const count = Math.max(items.length, Object.keys(first).length > 0 ? 1 : 0);
  if (count > 0) {
    raw.quantities = Array.from({ length: count }, (_, index) => {
      const edit = { ...(index === 0 ? first : {}), ...(items[index] ? { itemId: items[index] } : {}) };
      return Object.keys(edit).length > 0 ? edit : null;
    });
  }
  if (typeof values.record === 'string') {
    try {
      raw.record = JSON.parse(values.record);
    } catch (error) {
      const reason = input.lang === 'ar' ? '‎--record‎ ليس JSON صالحًا' : '--record is not valid JSON';
      throw new AppError('cli.usage', { command: 'review accept', reason }, { cause: error });
    }
  }
  return validateFlags(ReviewAcceptInput, raw, {
    link: 'link',
    linkResource: 'resource',
    field: 'field',
    status: 'status',
    date: 'date',
    quantities: 'item',
    claimantOrganizationId: 'claimant',
    claimantPersonId: 'claimant-person',
    record: 'record',
  });
}

function acceptedSummary(result: ReviewAcceptResult, lang: Lang): string {
  const { candidate, claims } = result;
  const record = candidate.decision?.record;
  const what = record
    ? `${record.created ? t('created', lang) : t('linked', lang)} ${record.resource} ${record.id}`
    : '';
  const fields = claims.map((claim) => claim.field).join(', ');
  return `${t('candidate', lang)} ${candidate.id}: ${t('accepted', lang)} — ${what}\n  ${formatNumber(claims.length, lang)} ${t('claims', lang)}: ${fields}\n`;
}

export const reviewAcceptCommand: Command = {
  name: 'review accept',
  usage:
    'review accept ID [--link RECORD_ID] [--item ITEM_ID,…] [--value N] [--unit U] [--date D] [--record JSON]',
  summary: {
    en: 'Accept a candidate: creates (or links) its record and the claims quoting its words, in one go.',
    ar: 'قبول مرشَّح: يُنشئ سجله (أو يربطه) والادعاءات التي تقتبس كلماته، دفعة واحدة.',
  },
  options: {
    ...stringOptions([
      'link',
      'resource',
      'field',
      'status',
      'date',
      'item',
      'value',
      'unit',
      'claimant',
      'claimant-person',
      'record',
    ]),
    approximate: { type: 'boolean' },
    ...json,
  },
  optionHelp: {
    'link RECORD_ID': {
      en: 'attach the claims to this existing record instead of creating one (a figure needs one)',
      ar: 'إلحاق الادعاءات بهذا السجل الموجود بدل إنشاء سجل (الرقم يحتاج إليه)',
    },
    'resource R': {
      en: "the linked record's resource, e.g. shipments",
      ar: 'مورد السجل المربوط، مثل shipments',
    },
    'field F': { en: "the claim's field on the linked record", ar: 'حقل الادعاء في السجل المربوط' },
    'item ID,…': { en: "each figure's registry item, in order", ar: 'صنف كل رقم في السجل المرجعي، بالترتيب' },
    'value N': { en: 'the corrected figure (the first one)', ar: 'الرقم بعد التصحيح (الأول)' },
    'unit U': { en: 'its corrected unit', ar: 'وحدته بعد التصحيح' },
    approximate: { en: 'the figure is approximate', ar: 'الرقم تقريبي' },
    'date YYYY-MM-DD': { en: 'the corrected date of the event', ar: 'تاريخ الحدث بعد التصحيح' },
    'status S': { en: "the record's status instead of the mapped one", ar: 'حالة السجل بدل الحالة المقابلة' },
    'claimant ORG_ID': { en: 'who makes the claim (an organization)', ar: 'صاحب الادعاء (منظمة)' },
    'claimant-person ID': { en: 'who makes the claim (a person)', ar: 'صاحب الادعاء (شخص)' },
    'record JSON': {
      en: 'more fields of the record created, e.g. {"domains":["trade"]}',
      ar: 'حقول أخرى للسجل المُنشأ، مثل {"domains":["trade"]}',
    },
    ...jsonHelp('POST /api/review/candidates/ID/accept'),
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const id = idOf(input);
    const body = acceptBody(input);
    const result = await withStore(input, (ctx) => acceptCandidate(ctx, id, body));
    input.out.write(
      input.values.json ? `${JSON.stringify(result, null, 2)}\n` : acceptedSummary(result, input.lang),
    );
    return 0;
  },
};

export const reviewRejectCommand: Command = {
  name: 'review reject',
  usage: 'review reject ID [--reason TEXT]',
  summary: {
    en: 'Reject a candidate: nothing enters the record; the candidate is kept with why.',
    ar: 'رفض مرشَّح: لا يدخل شيء في السجل، ويُحفظ المرشَّح مع السبب.',
  },
  options: { ...stringOptions(['reason']), ...json },
  optionHelp: {
    'reason TEXT': { en: 'why', ar: 'السبب' },
    ...jsonHelp('POST /api/review/candidates/ID/reject'),
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const id = idOf(input);
    const body = validateFlags(ReviewRejectInput, fieldsFromFlags(input.values, { reason: 'reason' }), {
      reason: 'reason',
    });
    const candidate = await withStore(input, (ctx) => rejectCandidate(ctx, id, body));
    input.out.write(
      input.values.json
        ? `${JSON.stringify(candidate, null, 2)}\n`
        : `${t('candidate', input.lang)} ${candidate.id}: ${t('rejected', input.lang)}\n`,
    );
    return 0;
  },
};

function extractedSummary(result: ExtractCandidatesResult, lang: Lang): string {
  const parts = [
    `${formatNumber(result.created, lang)} ${t('queued', lang)}`,
    `${formatNumber(result.existing, lang)} ${t('existing', lang)}`,
  ];
  if (result.unanchored > 0) parts.push(`${formatNumber(result.unanchored, lang)} ${t('unanchored', lang)}`);
  return `${result.sourceId}: ${parts.join(', ')}\n`;
}

export const reviewExtractCommand: Command = {
  name: 'review extract',
  usage: 'review extract SOURCE_ID',
  summary: {
    en: "Extract a source's text into the review queue (ingesting a text already does).",
    ar: 'استخراج وقائع نص مصدر إلى قائمة المراجعة (الاستيعاب يفعل ذلك تلقائيًا).',
  },
  options: json,
  optionHelp: jsonHelp('POST /api/sources/ID/candidates'),
  positionals: { min: 1, max: 1 },
  async run(input) {
    const id = idOf(input);
    const result = await withStore(input, (ctx) => extractCandidates(ctx, id));
    input.out.write(
      input.values.json ? `${JSON.stringify(result, null, 2)}\n` : extractedSummary(result, input.lang),
    );
    return 0;
  },
};

export const reviewCommands: Command[] = [
  reviewListCommand,
  reviewAcceptCommand,
  reviewRejectCommand,
  reviewExtractCommand,
];
