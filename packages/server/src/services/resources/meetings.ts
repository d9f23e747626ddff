import {
  AppError,
  type LocalizedText,
  MeetingInput,
  MeetingListQuery,
  type MeetingOutcomeInput,
  type MeetingOutcomeView,
  type MeetingParticipantInput,
  type MeetingParticipantView,
  MeetingPatch,
  MeetingView,
  meetingStatuses,
  type StatusEventView,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import type { Db } from '../../store/db.ts';
import {
  meetingConditions,
  type OutcomeRow,
  outcomesOf,
  type ParticipantRow,
  participantsOf,
  replaceOutcomes,
  replaceParticipants,
} from '../../store/meetings.ts';
import { type ColumnValues, existingIds, type Row } from '../../store/registry.ts';
import { statusEventsOf } from '../../store/status-events.ts';
import { presentStatusEvent } from '../record-status-event.ts';
import { defined, defineResource, meta } from '../resource.ts';

type View = MeetingView;

interface MeetingExtra {
  participants: MeetingParticipantView[];
  outcomes: MeetingOutcomeView[];
  statusHistory: StatusEventView[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Two nullable columns as bilingual text; `{}` when both are empty. */
export function localized(ar: unknown, en: unknown): LocalizedText {
  const texts: LocalizedText = {};
  if (typeof ar === 'string') texts.ar = ar;
  if (typeof en === 'string') texts.en = en;
  return texts;
}

/** Input groups that are written whole: titles, period, place and notes. */
function groupColumns(input: Partial<MeetingInput>): ColumnValues {
  const columns: ColumnValues = {};
  if (input.titles !== undefined) {
    columns.title_ar = input.titles.ar ?? null;
    columns.title_en = input.titles.en ?? null;
  }
  if (input.period !== undefined) {
    columns.start_date = input.period.start;
    columns.end_date = input.period.end ?? null;
    columns.date_precision = input.period.precision;
  }
  if (input.place !== undefined) {
    columns.place_admin_unit_id = input.place.adminUnitId ?? null;
    columns.place_site_id = input.place.siteId ?? null;
    columns.place_text = input.place.text ?? null;
  }
  if (input.notes !== undefined) {
    columns.note_ar = input.notes?.ar ?? null;
    columns.note_en = input.notes?.en ?? null;
  }
  return columns;
}

function presentParticipant(row: ParticipantRow): MeetingParticipantView {
  return {
    organizationId: row.organization_id,
    organization: row.organization_id
      ? {
          id: row.organization_id,
          names: localized(row.organization_name_ar, row.organization_name_en),
          acronym: row.organization_acronym,
        }
      : null,
    group: row.organization_id ? null : localized(row.group_ar, row.group_en),
    role: row.role as MeetingParticipantView['role'],
    attendance: row.attendance as MeetingParticipantView['attendance'],
  };
}

function presentOutcome(row: OutcomeRow): MeetingOutcomeView {
  return {
    type: row.type as MeetingOutcomeView['type'],
    texts: localized(row.text_ar, row.text_en),
    agreementId: row.agreement_id,
    pledgeId: row.pledge_id,
    shipmentId: row.shipment_id,
  };
}

/** Participants name live organizations; the error points at the entry that does not. */
async function checkOrganizations(
  db: Db,
  lists: readonly { participants: readonly MeetingParticipantInput[]; index: number }[],
  batch: boolean,
): Promise<void> {
  const wanted = lists.flatMap((list) => list.participants.flatMap((p) => p.organizationId ?? []));
  if (wanted.length === 0) return;
  const found = await existingIds(db, 'organizations', wanted);
  for (const { participants, index } of lists) {
    participants.forEach((participant, position) => {
      const id = participant.organizationId;
      if (id == null || found.has(id)) return;
      throw new AppError('record.reference_missing', {
        field: `participants.${position}.organizationId`,
        resource: 'organization',
        value: id,
        ...(batch ? { index } : {}),
      });
    });
  }
}

export const meetings = defineResource({
  resource: 'meeting',
  write: 'records.write',
  path: 'meetings',
  table: {
    table: 'meetings',
    columns: [
      'operation_id',
      'kind',
      'title_ar',
      'title_en',
      'start_date',
      'end_date',
      'date_precision',
      'place_admin_unit_id',
      'place_site_id',
      'place_text',
      'virtual',
      'status',
      'sensitivity',
      'note_ar',
      'note_en',
    ],
  },
  input: MeetingInput,
  patch: MeetingPatch,
  query: MeetingListQuery,
  view: MeetingView,
  // `status` is never written from input: it follows the dated events.
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      kind: input.kind,
      ...groupColumns(input),
      virtual: input.virtual,
      sensitivity: input.sensitivity,
    }),
  present: (row, extra): View => {
    const more = (extra as MeetingExtra | undefined) ?? { participants: [], outcomes: [], statusHistory: [] };
    return {
      ...meta(row),
      operationId: String(row.operation_id),
      kind: row.kind as View['kind'],
      titles: localized(row.title_ar, row.title_en),
      period: {
        start: String(row.start_date),
        end: text(row.end_date),
        precision: row.date_precision as View['period']['precision'],
      },
      place: {
        adminUnitId: text(row.place_admin_unit_id),
        siteId: text(row.place_site_id),
        text: text(row.place_text),
      },
      virtual: row.virtual === true,
      status: (text(row.status) as View['status']) ?? null,
      statusHistory: more.statusHistory,
      participants: more.participants,
      outcomes: more.outcomes,
      sensitivity: row.sensitivity as View['sensitivity'],
      notes: localized(row.note_ar, row.note_en),
    };
  },
  searchText: (row) => searchTerms(text(row.title_ar), text(row.title_en), text(row.place_text)),
  children: {
    async write(_ctx, tx, parents) {
      const listed = <T>(key: 'participants' | 'outcomes') =>
        parents.flatMap((parent, index) => {
          const list = parent.input[key];
          return Array.isArray(list)
            ? [
                {
                  operationId: String(parent.row.operation_id),
                  meetingId: parent.id,
                  index,
                  list: list as T[],
                },
              ]
            : [];
        });
      const participants = listed<MeetingParticipantInput>('participants');
      await checkOrganizations(
        tx,
        participants.map((p) => ({ participants: p.list, index: p.index })),
        parents.length > 1,
      );
      await replaceParticipants(
        tx,
        participants.map(({ operationId, meetingId, list }) => ({
          operationId,
          meetingId,
          participants: list.map((p) => ({
            organizationId: p.organizationId ?? null,
            groupAr: p.organizationId ? null : (p.group?.ar ?? null),
            groupEn: p.organizationId ? null : (p.group?.en ?? null),
            role: p.role,
            attendance: p.attendance ?? null,
          })),
        })),
      );
      await replaceOutcomes(
        tx,
        listed<MeetingOutcomeInput>('outcomes').map(({ operationId, meetingId, list }) => ({
          operationId,
          meetingId,
          outcomes: list.map((o) => ({
            type: o.type,
            textAr: o.texts.ar ?? null,
            textEn: o.texts.en ?? null,
            agreementId: o.agreementId ?? null,
            pledgeId: o.pledgeId ?? null,
            shipmentId: o.shipmentId ?? null,
          })),
        })),
      );
    },
    async load(db, rows: Row[]) {
      const ids = rows.map((row) => row.id);
      // One after the other: `db` may be a transaction's single client.
      const participants = await participantsOf(db, ids);
      const outcomes = await outcomesOf(db, ids);
      const events = await statusEventsOf(db, ids);
      return new Map<string, MeetingExtra>(
        ids.map((id) => [
          id,
          {
            participants: (participants.get(id) ?? []).map(presentParticipant),
            outcomes: (outcomes.get(id) ?? []).map(presentOutcome),
            statusHistory: (events.get(id) ?? []).map(presentStatusEvent),
          },
        ]),
      );
    },
  },
  statuses: { values: meetingStatuses },
  references: [
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
    {
      field: 'place.adminUnitId',
      column: 'place_admin_unit_id',
      table: 'admin_units',
      resource: 'admin-unit',
    },
    { field: 'place.siteId', column: 'place_site_id', table: 'sites', resource: 'site' },
  ],
  uniques: { meetings_pkey: 'id', meeting_participants_organization_key: 'participants' },
  filters: meetingConditions,
  sorts: {
    startDate: 't.start_date',
    title: 'coalesce(t.title_en, t.title_ar)',
    titleAr: 'coalesce(t.title_ar, t.title_en)',
    kind: 't.kind',
    status: 't.status',
    createdAt: 't.created_at',
    updatedAt: 't.updated_at',
  },
  defaultSort: 'startDate',
});
