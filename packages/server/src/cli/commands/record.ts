import {
  AppError,
  type Lang,
  ReverseMovementInput,
  StockMovementInput,
  type StockMovementView,
  Uuid,
} from '@tansiq/core';
import { z } from 'zod';
import type { Ctx } from '../../services/context.ts';
import { recordStockMovement } from '../../services/record-stock-movements.ts';
import { items, sites } from '../../services/resources/registry.ts';
import { reverseStockMovement } from '../../services/reverse-stock-movement.ts';
import { validate } from '../../services/validate.ts';
import type { Command, CommandInput } from '../command.ts';
import { fieldsFromFlags, stringOptions, validateFlags } from '../flags.ts';
import { namesByIds } from '../names.ts';
import { formatNumber, textIn } from '../table.ts';
import { withStore } from '../with-store.ts';

/** The flag that sets each field of the route's body (`POST /api/stock-movements`). */
const movementFlags = {
  operationId: 'operation',
  type: 'type',
  itemId: 'item',
  quantity: 'quantity',
  unit: 'unit',
  fromSiteId: 'from-site',
  toSiteId: 'to-site',
  occurredAt: 'at',
  organizationId: 'organization',
  reason: 'reason',
} satisfies Record<Exclude<keyof StockMovementInput, 'id'>, string>;

const requiredMovementFlags = ['type', 'item', 'quantity', 'unit'] as const;

const reverseFlags = {
  reason: 'reason',
  occurredAt: 'at',
} satisfies Record<keyof ReverseMovementInput, string>;

/** Where a ledger line's legs point, when not at a site. */
const accountLabels: Record<StockMovementView['from']['kind'], Record<Lang, string>> = {
  site: { en: 'site', ar: 'موقع' },
  pipeline: { en: 'pipeline', ar: 'قيد النقل' },
  external: { en: 'outside', ar: 'خارج المخزون' },
  beneficiaries: { en: 'beneficiaries', ar: 'المستفيدون' },
  loss: { en: 'loss', ar: 'فاقد' },
  adjustment: { en: 'adjustment', ar: 'تسوية' },
};

const jsonHelp = {
  en: 'print the ledger line as JSON (as the API answers)',
  ar: 'طباعة سطر السجل بصيغة JSON (كما تجيب الواجهة البرمجية)',
};

function missing(input: CommandInput, command: string, flags: readonly string[]): void {
  const absent = flags.filter((flag) => typeof input.values[flag] !== 'string');
  if (absent.length === 0) return;
  const list = absent.map((flag) => `--${flag}`).join(', ');
  const reason = input.lang === 'ar' ? `الأمر ${command} يحتاج ${list}` : `${command} needs ${list}`;
  throw new AppError('cli.usage', { command, reason });
}

/** A number when the text is one; else the text, for the schema to refuse in the usual words. */
function numberOrText(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
}

/** One line: "<id>  receipt  10 sack (500 kg) Wheat flour  outside → Warehouse 3  2021-07-26T…". */
async function summaryLine(ctx: Ctx, line: StockMovementView, done: Record<Lang, string>): Promise<string> {
  const { lang } = ctx;
  const legs = [line.from, line.to];
  const siteNames = await namesByIds(
    ctx,
    sites,
    legs.map((leg) => (leg.kind === 'site' ? leg.ref : null)),
  );
  const item = (await namesByIds(ctx, items, [line.itemId])).get(line.itemId);
  const leg = (side: StockMovementView['from']) =>
    side.kind === 'site' && side.ref
      ? (textIn(siteNames.get(side.ref), lang) ?? side.ref)
      : accountLabels[side.kind][lang];
  const entered = `${formatNumber(line.enteredQuantity, lang)} ${line.enteredUnit}`;
  const base = line.quantity === line.enteredQuantity ? '' : ` (${formatNumber(line.quantity, lang)})`;
  const parts = [
    `${done[lang]} ${line.id}`,
    line.type,
    `${entered}${base} ${textIn(item, lang) ?? line.itemId}`,
    `${leg(line.from)} → ${leg(line.to)}`,
    line.occurredAt,
  ];
  if (line.reason) parts.push(line.reason);
  return `${parts.join('  ')}\n`;
}

export const recordMovementCommand: Command = {
  name: 'record movement',
  usage: 'record movement --type T --item ID …',
  summary: {
    en: 'Record a stock movement (refused, with nothing written, if it would take stock below zero).',
    ar: 'تسجيل حركة مخزون (تُرفض دون تسجيل شيء إن أنزلت المخزون دون الصفر).',
  },
  options: { ...stringOptions(Object.values(movementFlags)), json: { type: 'boolean' } },
  optionHelp: {
    'type T': {
      en: `receipt, dispatch, transfer, distribution, adjustment or loss`,
      ar: 'receipt أو dispatch أو transfer أو distribution أو adjustment أو loss',
    },
    'item ID': { en: 'the item moved', ar: 'الصنف المنقول' },
    'quantity Q': { en: 'how much, in --unit', ar: 'الكمية بالوحدة ‎--unit‎' },
    'unit U': {
      en: "the unit entered (the item's base unit or one of its conversions)",
      ar: 'الوحدة المُدخلة (وحدة الصنف الأساسية أو إحدى تحويلاته)',
    },
    'from-site ID': {
      en: 'where stock leaves (dispatch, transfer, distribution, loss, adjustment out)',
      ar: 'الموقع الذي يخرج منه المخزون (إرسال، نقل، توزيع، فقد، تسوية بالإخراج)',
    },
    'to-site ID': {
      en: 'where stock arrives (receipt, transfer, adjustment in)',
      ar: 'الموقع الذي يصل إليه المخزون (استلام، نقل، تسوية بالإدخال)',
    },
    'at ISO': {
      en: 'when it happened (date and time with offset; default now)',
      ar: 'وقت حدوثها (تاريخ ووقت مع فرق التوقيت؛ افتراضيًا الآن)',
    },
    'reason TEXT': { en: 'why (required for an adjustment)', ar: 'السبب (مطلوب للتسوية)' },
    'organization ID': { en: 'the organization that moved it', ar: 'المنظمة التي نفّذت الحركة' },
    'operation ID': {
      en: 'the operation (default: the default operation)',
      ar: 'العملية (افتراضيًا العملية الافتراضية)',
    },
    json: jsonHelp,
  },
  async run(input) {
    missing(input, 'record movement', requiredMovementFlags);
    const raw: Record<string, unknown> = fieldsFromFlags(input.values, movementFlags);
    const quantity = input.values.quantity;
    raw.quantity = numberOrText(typeof quantity === 'string' ? quantity : undefined);
    raw.occurredAt ??= new Date().toISOString();
    // The route's body schema, checked before the database is opened; the service checks it again.
    const movement = validateFlags(StockMovementInput, raw, movementFlags);
    const text = await withStore(input, async (ctx) => {
      const line = await recordStockMovement(ctx, movement);
      return input.values.json
        ? `${JSON.stringify(line, null, 2)}\n`
        : await summaryLine(ctx, line, { en: 'recorded', ar: 'سُجِّلت الحركة' });
    });
    input.out.write(text);
    return 0;
  },
};

export const recordReverseCommand: Command = {
  name: 'record reverse',
  usage: 'record reverse ID --reason TEXT [--json]',
  summary: {
    en: 'Correct a ledger line with a reversing entry (the only way a ledger line changes).',
    ar: 'تصحيح سطر في السجل بقيد عكسي (الطريقة الوحيدة لتغيير سطر في السجل).',
  },
  options: { ...stringOptions(Object.values(reverseFlags)), json: { type: 'boolean' } },
  optionHelp: {
    'reason TEXT': { en: 'why the line is reversed (required)', ar: 'سبب العكس (مطلوب)' },
    'at ISO': {
      en: 'when the correction takes effect (default now)',
      ar: 'وقت سريان التصحيح (افتراضيًا الآن)',
    },
    json: jsonHelp,
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    missing(input, 'record reverse', ['reason']);
    // The route's path parameter: a malformed id is refused like `POST /api/stock-movements/:id/reverse`.
    const { id } = validate(z.object({ id: Uuid }), { id: input.positionals[0] });
    const body = validateFlags(
      ReverseMovementInput,
      fieldsFromFlags(input.values, reverseFlags),
      reverseFlags,
    );
    const text = await withStore(input, async (ctx) => {
      const line = await reverseStockMovement(ctx, id, body);
      return input.values.json
        ? `${JSON.stringify(line, null, 2)}\n`
        : await summaryLine(ctx, line, {
            en: `reversed ${line.reversesId ?? id} with`,
            ar: `عُكست الحركة ${line.reversesId ?? id} بالحركة`,
          });
    });
    input.out.write(text);
    return 0;
  },
};
