import {
  type AgreementPartyView,
  type ConditionedAidLine,
  ConditionedAidQuery,
  type ConditionedAidReport,
  type ConditionedAidRow,
  type LocalizedText,
} from '@tansiq/core';
import { type AidLineJson, type ConditionedAidDbRow, conditionedAid } from '../store/conditioned-aid.ts';
import type { Ctx } from './context.ts';
import { validate } from './validate.ts';

function localized(ar: string | null, en: string | null): LocalizedText {
  const texts: LocalizedText = {};
  if (ar) texts.ar = ar;
  if (en) texts.en = en;
  return texts;
}

/** "250000 dose Sputnik Light; 160 t food": what the aid carries, in one language. */
function carried(lines: readonly AidLineJson[], lang: 'ar' | 'en'): string | null {
  if (lines.length === 0) return null;
  return lines
    .map((line) => {
      const name =
        lang === 'ar' ? (line.itemNameAr ?? line.itemNameEn) : (line.itemNameEn ?? line.itemNameAr);
      return `${line.quantity} ${line.unit} ${name ?? line.itemId}`;
    })
    .join(lang === 'ar' ? '؛ ' : '; ');
}

/** The aid's title, else what it carries, else its amount. */
function describe(row: ConditionedAidDbRow): LocalizedText {
  const amount = row.aid_amount !== null && row.aid_currency ? `${row.aid_amount} ${row.aid_currency}` : null;
  return localized(
    row.aid_title_ar ?? carried(row.aid_lines, 'ar') ?? amount,
    row.aid_title_en ?? carried(row.aid_lines, 'en') ?? amount,
  );
}

function present(row: ConditionedAidDbRow): ConditionedAidRow {
  return {
    linkId: row.link_id,
    scope: row.scope as ConditionedAidRow['scope'],
    notes: localized(row.note_ar, row.note_en),
    aid: {
      type: row.aid_type,
      id: row.aid_id,
      titles: localized(row.aid_title_ar, row.aid_title_en),
      status: row.aid_status,
      description: describe(row),
      lines: row.aid_lines.map(
        (line): ConditionedAidLine => ({
          itemId: line.itemId,
          itemNames: localized(line.itemNameAr, line.itemNameEn),
          quantity: Number(line.quantity),
          unit: line.unit,
        }),
      ),
      amount:
        row.aid_amount !== null && row.aid_currency
          ? { value: Number(row.aid_amount), currency: row.aid_currency }
          : null,
    },
    condition: {
      id: row.condition_id,
      type: row.condition_type as ConditionedAidRow['condition']['type'],
      texts: localized(row.condition_text_ar, row.condition_text_en),
      state: row.condition_state as ConditionedAidRow['condition']['state'],
      stateOn: row.condition_state_on,
    },
    agreement: {
      id: row.agreement_id,
      titles: localized(row.agreement_title_ar, row.agreement_title_en),
      type: row.agreement_type as ConditionedAidRow['agreement']['type'],
      domains: row.agreement_domains as ConditionedAidRow['agreement']['domains'],
      status: row.agreement_status as ConditionedAidRow['agreement']['status'],
      instrumentCount: row.agreement_instrument_count,
      parties: row.agreement_parties.map(
        (party): AgreementPartyView => ({
          organizationId: party.organizationId,
          role: party.role as AgreementPartyView['role'],
          names: localized(party.nameAr, party.nameEn),
        }),
      ),
    },
    conditionedOnPoliticalAgreement: row.political,
  };
}

/**
 * Which aid is conditioned on which agreement: one row per live link, with the aid described,
 * the condition, the agreement and its parties, and the neutral `conditionedOnPoliticalAgreement`
 * flag (the condition is political).
 */
export async function reportConditionedAid(ctx: Ctx, raw: unknown): Promise<ConditionedAidReport> {
  const query = validate(ConditionedAidQuery, raw);
  const rows = await conditionedAid(ctx.db, query);
  return { items: rows.map(present), total: rows.length };
}
