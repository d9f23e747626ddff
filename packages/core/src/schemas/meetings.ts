import { z } from 'zod';
import {
  DatePrecision,
  IsoDate,
  ListQuery,
  LocalizedText,
  OperationRef,
  Period,
  PlaceRef,
  RecordMeta,
  Sensitivity,
  StatusEventView,
  statusEventInput,
  Uuid,
} from './common.ts';

// Meetings: conferences, coordination meetings, bilaterals, pledging conferences, negotiation rounds.
export const meetingKinds = [
  'conference',
  'coordination_meeting',
  'bilateral',
  'pledging_conference',
  'negotiation_round',
  'other',
] as const;
export const MeetingKind = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof MeetingKind>;

/** A meeting's status is its latest dated event (by date, not by the order they were recorded). */
export const meetingStatuses = ['announced', 'scheduled', 'held', 'postponed', 'cancelled'] as const;
export const MeetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const MeetingStatusEventInput = statusEventInput(meetingStatuses);
export type MeetingStatusEventInput = z.infer<typeof MeetingStatusEventInput>;

export const participantRoles = ['convener', 'participant'] as const;
export const ParticipantRole = z.enum(participantRoles);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const attendances = [
  'invited',
  'attended',
  'observer',
  'declined',
  'boycotted',
  'walked_out',
] as const;
export const Attendance = z.enum(attendances);
export type Attendance = z.infer<typeof Attendance>;

export const meetingOutcomeTypes = [
  'decision',
  'commitment',
  'pledge',
  'statement',
  'agreement_signed',
] as const;
export const MeetingOutcomeType = z.enum(meetingOutcomeTypes);
export type MeetingOutcomeType = z.infer<typeof MeetingOutcomeType>;

const longText = z.string().trim().min(1).max(4000);
/** Free notes in two languages; `{}` (or null on a patch) for none. */
export const Notes = z.object({ ar: longText.optional(), en: longText.optional() }).strict();
export type Notes = z.infer<typeof Notes>;
export const NotesView = z.object({ ar: z.string().optional(), en: z.string().optional() });

/**
 * Who took part: an organization, or a named group of states or bodies that the source does
 * not break down ("Western states", «معظم الدول العربية»). Exactly one of the two.
 * Conveners may omit their attendance; everyone else states it.
 */
export const MeetingParticipantInput = z
  .object({
    organizationId: Uuid.nullable().optional(),
    group: LocalizedText.nullable().optional(),
    role: ParticipantRole.default('participant'),
    attendance: Attendance.nullable().optional(),
  })
  .strict()
  .superRefine((participant, ctx) => {
    if ((participant.organizationId == null) === (participant.group == null)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'meeting.participant_one_of' });
    }
    if (participant.role !== 'convener' && participant.attendance == null) {
      ctx.addIssue({ code: 'custom', path: ['attendance'], message: 'meeting.attendance_required' });
    }
  });
export type MeetingParticipantInput = z.infer<typeof MeetingParticipantInput>;

/** What a meeting produced, linked to the agreement, pledge or shipment it gave rise to. */
export const MeetingOutcomeInput = z
  .object({
    type: MeetingOutcomeType,
    texts: LocalizedText,
    agreementId: Uuid.nullable().optional(),
    pledgeId: Uuid.nullable().optional(),
    shipmentId: Uuid.nullable().optional(),
  })
  .strict();
export type MeetingOutcomeInput = z.infer<typeof MeetingOutcomeInput>;

const Participants = z
  .array(MeetingParticipantInput)
  .max(500)
  .superRefine((participants, ctx) => {
    // One entry per organization: its role and attendance say everything about it.
    const seen = new Set<string>();
    participants.forEach((participant, index) => {
      const id = participant.organizationId;
      if (id == null) return;
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'organizationId'],
          message: 'meeting.participant_duplicate',
        });
      }
      seen.add(id);
    });
  });
const Outcomes = z.array(MeetingOutcomeInput).max(200);

/** Fields a patch may change: period and place are replaced whole, as are participant and outcome lists. */
const meetingFields = {
  kind: MeetingKind,
  titles: LocalizedText,
  period: Period,
  place: PlaceRef,
  virtual: z.boolean(),
  participants: Participants,
  outcomes: Outcomes,
  sensitivity: Sensitivity,
  notes: Notes.nullable(),
};

export const MeetingInput = z
  .object({
    ...meetingFields,
    id: Uuid.optional(),
    operationId: OperationRef,
    place: PlaceRef.default({}),
    virtual: z.boolean().default(false),
    participants: Participants.default([]),
    outcomes: Outcomes.default([]),
    sensitivity: Sensitivity.default('public'),
    notes: Notes.nullable().optional(),
    /** The dated events known when the meeting is recorded; later ones go to POST /api/meetings/:id/events. */
    statusHistory: z.array(MeetingStatusEventInput).max(50).default([]),
  })
  .strict();
export type MeetingInput = z.infer<typeof MeetingInput>;
// No defaults here: a patch changes only what it names.
export const MeetingPatch = z.object(meetingFields).partial().strict();
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const OrganizationSummary = z.object({
  id: z.string(),
  names: LocalizedText,
  acronym: z.string().nullable(),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const MeetingParticipantView = z.object({
  organizationId: z.string().nullable(),
  /** The organization's names, resolved; null for a group. */
  organization: OrganizationSummary.nullable(),
  group: LocalizedText.nullable(),
  role: ParticipantRole,
  attendance: Attendance.nullable(),
});
export type MeetingParticipantView = z.infer<typeof MeetingParticipantView>;

export const MeetingOutcomeView = z.object({
  type: MeetingOutcomeType,
  texts: LocalizedText,
  agreementId: z.string().nullable(),
  pledgeId: z.string().nullable(),
  shipmentId: z.string().nullable(),
});
export type MeetingOutcomeView = z.infer<typeof MeetingOutcomeView>;

export const PeriodView = z.object({
  start: z.string(),
  end: z.string().nullable(),
  precision: DatePrecision,
});
export type PeriodView = z.infer<typeof PeriodView>;
export const PlaceView = z.object({
  adminUnitId: z.string().nullable(),
  siteId: z.string().nullable(),
  text: z.string().nullable(),
});
export type PlaceView = z.infer<typeof PlaceView>;

export const MeetingView = RecordMeta.extend({
  operationId: z.string(),
  kind: MeetingKind,
  titles: LocalizedText,
  period: PeriodView,
  place: PlaceView,
  virtual: z.boolean(),
  /** The latest dated event's status (read-only); null before any event. */
  status: MeetingStatus.nullable(),
  statusHistory: z.array(StatusEventView),
  participants: z.array(MeetingParticipantView),
  outcomes: z.array(MeetingOutcomeView),
  sensitivity: Sensitivity,
  notes: NotesView,
});
export type MeetingView = z.infer<typeof MeetingView>;

/** Filters shared by the list and the timeline report. */
const meetingFilters = {
  kind: MeetingKind.optional(),
  /** Meetings in this admin unit or any unit inside it (a site's unit counts). */
  placeAdminUnitId: Uuid.optional(),
  /** Meetings whose period overlaps [from, to]. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
};

export const MeetingListQuery = ListQuery.extend({
  ...meetingFilters,
  status: MeetingStatus.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  /** Meetings this organization takes part in, in any role. */
  organizationId: Uuid.optional(),
  operationId: Uuid.optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

// The meetings timeline report.
export const MeetingsTimelineQuery = z
  .object({
    ...meetingFilters,
    limit: z.coerce.number().int().min(1).max(2000).default(500),
  })
  .strict();
export type MeetingsTimelineQuery = z.infer<typeof MeetingsTimelineQuery>;

/** An organization with its names, or a named group of states or bodies. */
export const TimelineParty = z.union([
  z.object({ organizationId: z.string(), names: LocalizedText }),
  z.object({ group: LocalizedText }),
]);
export type TimelineParty = z.infer<typeof TimelineParty>;

const byAttendance = <T extends z.ZodType>(value: T) =>
  z.object({
    attended: value,
    invited: value,
    observer: value,
    declined: value,
    boycotted: value,
    walked_out: value,
  });

export const MeetingsTimelineEntry = z.object({
  id: z.string(),
  kind: MeetingKind,
  titles: LocalizedText,
  period: PeriodView,
  place: z.object({
    adminUnitId: z.string().nullable(),
    pcode: z.string().nullable(),
    names: LocalizedText.nullable(),
    siteId: z.string().nullable(),
    siteNames: LocalizedText.nullable(),
    text: z.string().nullable(),
  }),
  virtual: z.boolean(),
  status: MeetingStatus.nullable(),
  conveners: z.array(TimelineParty),
  attendance: byAttendance(z.array(TimelineParty)),
  /** Entries per attendance: a named group counts once, however many states it stands for. */
  counts: byAttendance(z.number().int()),
});
export type MeetingsTimelineEntry = z.infer<typeof MeetingsTimelineEntry>;

export const MeetingsTimelineReport = z.object({
  items: z.array(MeetingsTimelineEntry),
  /** True when more meetings matched than `limit`. */
  truncated: z.boolean(),
});
export type MeetingsTimelineReport = z.infer<typeof MeetingsTimelineReport>;
