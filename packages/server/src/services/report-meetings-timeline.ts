import {
  type Attendance,
  attendances,
  type MeetingsTimelineEntry,
  type MeetingsTimelineQuery,
  type MeetingsTimelineReport,
  MeetingsTimelineQuery as QuerySchema,
  type TimelineParty,
} from '@tansiq/core';
import {
  type ParticipantRow,
  participantsOf,
  type TimelineRow,
  timelineMeetings,
} from '../store/meetings.ts';
import type { Ctx } from './context.ts';
import { localized } from './resources/meetings.ts';
import { validate } from './validate.ts';

type Entry = MeetingsTimelineEntry;

function partyOf(row: ParticipantRow): TimelineParty {
  return row.organization_id
    ? {
        organizationId: row.organization_id,
        names: localized(row.organization_name_ar, row.organization_name_en),
      }
    : { group: localized(row.group_ar, row.group_en) };
}

function entryOf(row: TimelineRow, participants: readonly ParticipantRow[]): Entry {
  const attendance = Object.fromEntries(attendances.map((a) => [a, [] as TimelineParty[]])) as Record<
    Attendance,
    TimelineParty[]
  >;
  const conveners: TimelineParty[] = [];
  for (const participant of participants) {
    if (participant.role === 'convener') conveners.push(partyOf(participant));
    // A convener that states its attendance counts with the others as well.
    if (participant.attendance) attendance[participant.attendance as Attendance].push(partyOf(participant));
  }
  const counts = Object.fromEntries(attendances.map((a) => [a, attendance[a].length])) as Record<
    Attendance,
    number
  >;
  return {
    id: row.id,
    kind: row.kind as Entry['kind'],
    titles: localized(row.title_ar, row.title_en),
    period: { start: row.start_date, end: row.end_date, precision: row.date_precision },
    place: {
      adminUnitId: row.place_admin_unit_id,
      pcode: row.place_pcode,
      names: row.place_admin_unit_id ? localized(row.place_name_ar, row.place_name_en) : null,
      siteId: row.place_site_id,
      siteNames: row.place_site_id ? localized(row.site_name_ar, row.site_name_en) : null,
      text: row.place_text,
    },
    virtual: row.virtual,
    status: row.status as Entry['status'],
    conveners,
    attendance,
    counts,
  };
}

/**
 * The meetings timeline: live meetings by start date, with conveners and attendance grouped
 * (who attended, observed, declined, boycotted or walked out), and counts per attendance.
 */
export async function reportMeetingsTimeline(
  ctx: Ctx,
  raw: Partial<MeetingsTimelineQuery>,
): Promise<MeetingsTimelineReport> {
  const { limit, ...filters } = validate(QuerySchema, raw);
  const { rows, truncated } = await timelineMeetings(ctx.db, filters, limit);
  const participants = await participantsOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => entryOf(row, participants.get(row.id) ?? [])), truncated };
}
