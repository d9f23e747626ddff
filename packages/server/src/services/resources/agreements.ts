import {
  type AgreementConditionInput,
  type AgreementConditionView,
  AgreementInput,
  AgreementListQuery,
  type AgreementPartyInput,
  type AgreementPartyView,
  AgreementPatch,
  AgreementView,
  AppError,
  agreementStatuses,
  type LocalizedText,
  type StatusEventView,
  uuidv7,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import {
  type ConditionRow,
  conditionsOf,
  linkedConditionsOutside,
  type PartyRow,
  partiesOf,
  replaceParties,
  syncConditions,
} from '../../store/agreements.ts';
import type { Db } from '../../store/db.ts';
import { type ColumnValues, existingIds, type Row } from '../../store/registry.ts';
import { statusEventsOf } from '../../store/status-events.ts';
import type { Ctx } from '../context.ts';
import { presentStatusEvent } from '../record-status-event.ts';
import { defined, defineResource, meta } from '../resource.ts';

type View = AgreementView;

interface AgreementExtra {
  parties: AgreementPartyView[];
  conditions: AgreementConditionView[];
  statusHistory: StatusEventView[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function localized(ar: unknown, en: unknown): LocalizedText {
  const texts: LocalizedText = {};
  if (typeof ar === 'string') texts.ar = ar;
  if (typeof en === 'string') texts.en = en;
  return texts;
}

/** Input groups written whole: titles, effective period, notes. */
function groupColumns(input: Partial<AgreementInput>): ColumnValues {
  const columns: ColumnValues = {};
  if (input.titles !== undefined) {
    columns.title_ar = input.titles.ar ?? null;
    columns.title_en = input.titles.en ?? null;
  }
  if (input.effectivePeriod !== undefined) {
    columns.period_start = input.effectivePeriod?.start ?? null;
    columns.period_end = input.effectivePeriod?.end ?? null;
    columns.date_precision = input.effectivePeriod?.precision ?? 'day';
  }
  if (input.notes !== undefined) {
    columns.note_ar = input.notes?.ar ?? null;
    columns.note_en = input.notes?.en ?? null;
  }
  return columns;
}

const presentParty = (row: PartyRow): AgreementPartyView => ({
  organizationId: row.organization_id,
  role: row.role as AgreementPartyView['role'],
  names: localized(row.name_ar, row.name_en),
});

const presentCondition = (row: ConditionRow): AgreementConditionView => ({
  id: row.id,
  type: row.type as AgreementConditionView['type'],
  texts: localized(row.text_ar, row.text_en),
  state: row.state as AgreementConditionView['state'],
  stateOn: row.state_on,
  linkedAid: row.linked_aid,
});

/** Parties name live organizations; the error points at the entry that does not. */
async function checkParties(
  db: Db,
  lists: readonly { parties: readonly AgreementPartyInput[]; index: number }[],
  batch: boolean,
): Promise<void> {
  const wanted = lists.flatMap((list) => list.parties.map((p) => p.organizationId));
  if (wanted.length === 0) return;
  const found = await existingIds(db, 'organizations', wanted);
  for (const { parties, index } of lists) {
    parties.forEach((party, position) => {
      if (found.has(party.organizationId)) return;
      throw new AppError('record.reference_missing', {
        field: `parties.${position}.organizationId`,
        resource: 'organization',
        value: party.organizationId,
        ...(batch ? { index } : {}),
      });
    });
  }
}

/**
 * Makes an agreement's conditions the listed ones, keeping their ids (aid links to them). A
 * condition left out while aid still links to it is refused: links never dangle silently.
 */
async function writeConditions(
  ctx: Ctx,
  tx: Db,
  operationId: string,
  agreementId: string,
  conditions: readonly AgreementConditionInput[],
  at: Record<string, unknown>,
): Promise<void> {
  const rows = conditions.map((c) => ({
    id: c.id ?? uuidv7(ctx.now().getTime()),
    type: c.type,
    textAr: c.texts.ar ?? null,
    textEn: c.texts.en ?? null,
    state: c.state,
    stateOn: c.stateOn ?? null,
  }));
  const [inUse] = await linkedConditionsOutside(
    tx,
    operationId,
    agreementId,
    rows.map((row) => row.id),
  );
  if (inUse) {
    throw new AppError('agreement.condition_in_use', {
      conditionId: inUse.id,
      texts: localized(inUse.text_ar, inUse.text_en),
      links: inUse.links,
      ...at,
    });
  }
  const [foreign] = await syncConditions(tx, operationId, agreementId, rows);
  if (foreign) {
    throw new AppError('record.conflict', {
      resource: 'agreement-condition',
      field: `conditions.${rows.findIndex((row) => row.id === foreign)}.id`,
      ...at,
    });
  }
}

export const agreements = defineResource({
  resource: 'agreement',
  write: 'records.write',
  path: 'agreements',
  table: {
    table: 'agreements',
    columns: [
      'operation_id',
      'title_ar',
      'title_en',
      'type',
      'domains',
      'instrument_count',
      'status',
      'period_start',
      'period_end',
      'date_precision',
      'meeting_id',
      'note_ar',
      'note_en',
      'sensitivity',
    ],
  },
  input: AgreementInput,
  patch: AgreementPatch,
  query: AgreementListQuery,
  view: AgreementView,
  // `status` is never written from input: it follows the dated events.
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      ...groupColumns(input),
      type: input.type,
      domains: input.domains,
      instrument_count: input.instrumentCount,
      meeting_id: input.meetingId,
      sensitivity: input.sensitivity,
    }),
  present: (row, extra): View => {
    const more = (extra as AgreementExtra | undefined) ?? { parties: [], conditions: [], statusHistory: [] };
    return {
      ...meta(row),
      operationId: String(row.operation_id),
      titles: localized(row.title_ar, row.title_en),
      type: row.type as View['type'],
      domains: row.domains as View['domains'],
      instrumentCount: Number(row.instrument_count),
      parties: more.parties,
      status: row.status as View['status'],
      statusHistory: more.statusHistory,
      effectivePeriod:
        typeof row.period_start === 'string'
          ? {
              start: row.period_start,
              end: text(row.period_end),
              precision: row.date_precision as 'day' | 'month' | 'year',
            }
          : null,
      meetingId: text(row.meeting_id),
      conditions: more.conditions,
      sensitivity: row.sensitivity as View['sensitivity'],
      notes: localized(row.note_ar, row.note_en),
    };
  },
  searchText: (row) =>
    searchTerms(text(row.title_ar), text(row.title_en), text(row.note_ar), text(row.note_en)),
  children: {
    async write(ctx, tx, parents) {
      const batch = parents.length > 1;
      const withParties = parents.flatMap((parent, index) =>
        Array.isArray(parent.input.parties)
          ? [{ parent, index, parties: parent.input.parties as AgreementPartyInput[] }]
          : [],
      );
      await checkParties(tx, withParties, batch);
      for (const { parent, parties } of withParties) {
        await replaceParties(tx, String(parent.row.operation_id), parent.id, parties);
      }
      for (const [index, parent] of parents.entries()) {
        const conditions = parent.input.conditions;
        if (!Array.isArray(conditions)) continue;
        await writeConditions(
          ctx,
          tx,
          String(parent.row.operation_id),
          parent.id,
          conditions as AgreementConditionInput[],
          batch ? { index } : {},
        );
      }
    },
    async load(db, rows: Row[]) {
      const ids = rows.map((row) => row.id);
      // One after the other: `db` may be a transaction's client, which runs one query at a time.
      const parties = await partiesOf(db, ids);
      const conditions = await conditionsOf(db, ids);
      const events = await statusEventsOf(db, ids);
      return new Map<string, AgreementExtra>(
        ids.map((id) => [
          id,
          {
            parties: (parties.get(id) ?? []).map(presentParty),
            conditions: (conditions.get(id) ?? []).map(presentCondition),
            statusHistory: (events.get(id) ?? []).map(presentStatusEvent),
          },
        ]),
      );
    },
  },
  statuses: { values: agreementStatuses },
  // meetingId first: a meeting of another operation breaks the (operation_id, meeting_id) key.
  references: [
    { field: 'meetingId', column: 'meeting_id', table: 'meetings', resource: 'meeting' },
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
  ],
  uniques: { agreements_pkey: 'id' },
  filters: {
    operationId: 't.operation_id',
    type: 't.type',
    status: 't.status',
    domain: 't.domains @> ARRAY[$?::text]',
    meetingId: 't.meeting_id',
    organizationId:
      'EXISTS (SELECT 1 FROM agreement_parties p WHERE p.operation_id = t.operation_id AND p.agreement_id = t.id AND p.organization_id = $?)',
  },
  sorts: {
    title: 'coalesce(t.title_en, t.title_ar)',
    titleAr: 'coalesce(t.title_ar, t.title_en)',
    type: 't.type',
    status: 't.status',
    effectiveFrom: 't.period_start',
    createdAt: 't.created_at',
    updatedAt: 't.updated_at',
  },
  defaultSort: 'title',
});
