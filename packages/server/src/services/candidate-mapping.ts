import {
  AppError,
  agreementStatuses,
  type ClaimSubjectResource,
  distributionStatuses,
  meetingStatuses,
  type ReviewAcceptInput,
  type ReviewClaimDraft,
  type ReviewFacts,
  type ReviewPlanView,
  shipmentStatuses,
} from '@tansiq/core';
import type { EventStatus, EventType } from '../extract/index.ts';

/**
 * How a fact read from a text becomes the record's own words (docs/review-queue.md): the one
 * table of event types and statuses, the fields each record keeps them in, and the plan that
 * accepting a candidate carries out. Pure: the registry matches are already in the facts.
 */

/** Under one event status: the status event the new record gets, and the status the claim reports. */
interface StatusWords {
  record: string | null;
  claim: string | null;
}

type RecordResource = 'meetings' | 'shipments' | 'distributions' | 'agreements' | 'population-movements';

interface EventMapping {
  /** The record an event of this type creates; null: it has none of its own (the claim needs a link). */
  resource: RecordResource | null;
  /** By the event's status; null: no record for an event in this status (the claim needs a link). */
  statuses: Record<EventStatus, StatusWords | null>;
  /** Meetings: their kind. */
  meetingKind?: 'conference' | 'other';
  /** The claim's field on a linked record, for types without a record of their own. */
  linkField?: string;
}

const words = (record: string | null, claim: string | null = record): StatusWords => ({ record, claim });
const linkOnly = (linkField: string): EventMapping => ({
  resource: null,
  statuses: { announced: null, planned: null, held: null, completed: null, cancelled: null, unknown: null },
  linkField,
});
const meetingWords: Record<EventStatus, StatusWords> = {
  announced: words('announced'),
  planned: words('scheduled'),
  held: words('held'),
  completed: words('held'),
  cancelled: words('cancelled'),
  unknown: words(null),
};

/**
 * THE table. A delivery that happened is `dispatched` on the shipment (handed over: in the
 * pipeline, as the demo records it) while its claim reports it `received`: only a receipt puts
 * stock at the consignee. A distribution that happened stays `planned` on the record (completing
 * one moves stock out of a warehouse the text does not name) while its claim reports `completed`.
 * A return is recorded only once it happened: an announced one is a claim about a record the
 * analyst names.
 */
export const eventMappings: Record<EventType, EventMapping> = {
  meeting: { resource: 'meetings', meetingKind: 'other', statuses: meetingWords },
  conference: { resource: 'meetings', meetingKind: 'conference', statuses: meetingWords },
  delivery: {
    resource: 'shipments',
    statuses: {
      announced: words('planned'),
      planned: words('planned'),
      held: words('dispatched', 'received'),
      completed: words('dispatched', 'received'),
      cancelled: words('cancelled'),
      unknown: words(null),
    },
  },
  distribution: {
    resource: 'distributions',
    statuses: {
      announced: words('planned'),
      planned: words('planned'),
      held: words(null, 'completed'),
      completed: words(null, 'completed'),
      cancelled: words('cancelled'),
      unknown: words(null),
    },
  },
  agreement: {
    resource: 'agreements',
    statuses: {
      announced: words('negotiating'),
      planned: words('negotiating'),
      held: words('signed'),
      completed: words('signed'),
      cancelled: words('terminated'),
      unknown: words(null),
    },
  },
  return_movement: {
    resource: 'population-movements',
    statuses: {
      announced: null,
      planned: null,
      held: words(null),
      completed: words(null),
      cancelled: null,
      unknown: words(null),
    },
  },
  statement: linkOnly('statements'),
  boycott: linkOnly('participants'),
  military_action: linkOnly('events'),
  other: linkOnly('events'),
};

/** The status words each record accepts (core/schemas). */
const recordStatuses: Partial<Record<ClaimSubjectResource, readonly string[]>> = {
  meetings: meetingStatuses,
  shipments: shipmentStatuses,
  distributions: distributionStatuses,
  agreements: agreementStatuses,
};

/** Units that count places, not what is delivered or distributed (a distribution's `placeCount`). */
const placeUnits = new Set(['city', 'village', 'camp', 'school', 'hospital', 'facility', 'point']);
/** Units that count people (a population movement's `individuals`). */
const peopleUnits = new Set(['person', 'refugee', 'returnee', 'idp', 'child']);

interface ResourceFields {
  period?: string;
  place?: string;
  participants?: string;
  /** The field a figure is claimed about: by its unit and its position among the event's figures. */
  figure?: (unit: string, index: number) => string | null;
}

/** Where each record keeps what an event states: the claims' fields. */
export const resourceFields: Partial<Record<ClaimSubjectResource, ResourceFields>> = {
  meetings: { period: 'period', place: 'place', participants: 'participants' },
  shipments: {
    period: 'period',
    place: 'destination',
    // A count of places (7 cities) is no line of the shipment.
    figure: (_unit, index) => (index < 0 ? null : `lines.${index}.quantity`),
  },
  distributions: {
    period: 'period',
    place: 'place',
    figure: (unit) => (placeUnits.has(unit) ? 'placeCount' : 'quantity'),
  },
  agreements: {
    participants: 'parties',
    figure: (unit) => (unit === 'agreement' ? 'instrumentCount' : null),
  },
  'population-movements': {
    period: 'period',
    place: 'destination',
    figure: (unit) => (unit === 'household' ? 'households' : peopleUnits.has(unit) ? 'individuals' : null),
  },
  pledges: { period: 'period', figure: () => 'quantity' },
};

type Quantity = ReviewFacts['quantities'][number];
type Period = { start: string; end: string | null; precision: 'day' | 'month' | 'year' };

/** The facts with the analyst's corrections applied (figures by position, the date). */
function corrected(facts: ReviewFacts, edits: ReviewAcceptInput): ReviewFacts {
  const quantities = facts.quantities.map((quantity, index): Quantity => {
    const edit = edits.quantities?.[index];
    if (!edit) return quantity;
    return {
      ...quantity,
      value: edit.value ?? quantity.value,
      unit: edit.unit ?? quantity.unit,
      approximate: edit.approximate ?? quantity.approximate,
      itemId: edit.itemId ?? quantity.itemId,
    };
  });
  let date = facts.date;
  if (typeof edits.date === 'string') date = { start: edits.date, end: null, precision: 'day' };
  else if (edits.date)
    date = { start: edits.date.start, end: edits.date.end ?? null, precision: edits.date.precision };
  return { ...facts, quantities, date };
}

const truncate = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

function titlesOf(facts: ReviewFacts): Record<string, string> {
  return { [facts.language]: truncate(facts.quote.text.replace(/\s+/g, ' ').trim(), 500) };
}

const figureValue = (quantity: Quantity) => ({
  amount: quantity.value,
  unit: quantity.unit,
  ...(quantity.approximate ? { approximate: true } : {}),
});

const periodValue = (period: Period) => ({
  start: period.start,
  ...(period.end ? { end: period.end } : {}),
  ...(period.precision === 'day' ? {} : { precision: period.precision }),
});

function placeValue(place: NonNullable<ReviewFacts['place']>) {
  return { ...(place.pcode ? { pcode: place.pcode } : {}), text: place.text ?? place.name };
}

/** A participant as claimed: the registry's organization, or the name as written. */
function partyValue(
  facts: ReviewFacts,
  party: ReviewFacts['participants'][number],
  extra: Record<string, string>,
) {
  return party.organizationId
    ? { organizationId: party.organizationId, ...extra }
    : { group: { [facts.language]: party.name }, ...extra };
}

function attendanceOf(claimStatus: string | null): string {
  return claimStatus === 'held' ? 'attended' : 'invited';
}

/**
 * The day a status event happened: an announcement (or a plan) is dated by the source that makes
 * it, what happened by the event's own date; either falls back on the other.
 */
function statusDay(
  recordStatus: string,
  facts: ReviewFacts,
): { day: string; precision: Period['precision'] } | null {
  const forward = ['announced', 'scheduled', 'planned', 'negotiating'].includes(recordStatus);
  const event = facts.date ? { day: facts.date.start, precision: facts.date.precision } : null;
  const published = facts.published ? { day: facts.published, precision: 'day' as const } : null;
  return forward ? (published ?? event) : (event ?? published);
}

/** The figures an event states, without those that count places. */
const goods = (facts: ReviewFacts) =>
  facts.quantities
    .map((quantity, index) => ({ quantity, index }))
    .filter(({ quantity }) => !placeUnits.has(quantity.unit));

interface Draft {
  record: Record<string, unknown>;
  missing: string[];
}

/** The record an accepted event creates, in the resource's own input shape (core/schemas). */
function recordOf(
  resource: RecordResource,
  facts: ReviewFacts,
  mapping: EventMapping,
  status: string | null,
): Draft {
  const missing: string[] = [];
  const matched = [
    ...new Set(facts.participants.flatMap((party) => (party.organizationId ? [party.organizationId] : []))),
  ];
  const place = facts.place;
  const history = (): unknown[] => {
    if (!status) return [];
    const day = statusDay(status, facts);
    if (!day) {
      missing.push('date');
      return [];
    }
    return [{ status, occurredOn: day.day, precision: day.precision }];
  };
  const requireItem = ({ quantity, index }: { quantity: Quantity; index: number }) => {
    if (!quantity.itemId) missing.push(`quantities.${index}.itemId`);
    return quantity.itemId;
  };
  switch (resource) {
    case 'meetings': {
      if (!facts.date) missing.push('date');
      const claimStatus = mapping.statuses[(facts.eventStatus ?? 'unknown') as EventStatus]?.claim ?? null;
      return {
        record: {
          kind: mapping.meetingKind ?? 'other',
          titles: titlesOf(facts),
          ...(facts.date ? { period: facts.date } : {}),
          place: place ? { adminUnitId: place.adminUnitId, text: place.text ?? place.name } : {},
          participants: matched.map((organizationId) => ({
            organizationId,
            role: 'participant',
            attendance: attendanceOf(claimStatus),
          })),
          statusHistory: history(),
        },
        missing,
      };
    }
    case 'shipments': {
      const lines = goods(facts);
      if (lines.length === 0) missing.push('quantities');
      return {
        record: {
          titles: titlesOf(facts),
          lines: lines.map((line) => ({
            itemId: requireItem(line),
            quantity: line.quantity.value,
            unit: line.quantity.unit,
            approximate: line.quantity.approximate,
          })),
          ...(facts.date ? { period: facts.date } : {}),
          ...(place
            ? { destination: { adminUnitId: place.adminUnitId, text: place.text ?? place.name } }
            : {}),
          statusHistory: history(),
        },
        missing,
      };
    }
    case 'distributions': {
      const [first] = goods(facts);
      if (!first) missing.push('quantities');
      const places = facts.quantities.find((quantity) => placeUnits.has(quantity.unit));
      return {
        record: {
          titles: titlesOf(facts),
          ...(first
            ? {
                itemId: requireItem(first),
                quantity: first.quantity.value,
                unit: first.quantity.unit,
                approximate: first.quantity.approximate,
              }
            : {}),
          ...(places ? { placeCount: places.value } : {}),
          ...(place ? { place: { adminUnitId: place.adminUnitId, text: place.text ?? place.name } } : {}),
          ...(facts.date ? { period: facts.date } : {}),
          statusHistory: history(),
        },
        missing,
      };
    }
    case 'agreements': {
      // Which fields an agreement covers is the analyst's reading, not a word of the text.
      missing.push('record.domains');
      const instruments = facts.quantities.find((quantity) => quantity.unit === 'agreement');
      return {
        record: {
          titles: titlesOf(facts),
          type: 'agreement',
          ...(instruments && Number.isInteger(instruments.value) && instruments.value >= 1
            ? { instrumentCount: instruments.value }
            : {}),
          parties: matched.map((organizationId) => ({ organizationId, role: 'signatory' })),
          statusHistory: history(),
        },
        missing,
      };
    }
    case 'population-movements': {
      const people = facts.quantities.find(
        (quantity) => quantity.unit === 'household' || peopleUnits.has(quantity.unit),
      );
      if (!place?.adminUnitId) missing.push('record.destination');
      if (!facts.date) missing.push('date');
      if (!people) missing.push('quantities');
      // How a figure was counted and who reported it are the analyst's to say.
      missing.push('record.countingMethod');
      if (!facts.claimant?.organizationId) missing.push('record.reportingOrganizationId');
      return {
        record: {
          ...(place?.adminUnitId
            ? { destination: { adminUnitId: place.adminUnitId, text: place.text ?? place.name } }
            : {}),
          populationGroup: people?.unit === 'idp' ? 'RDP' : 'RET',
          ...(facts.date ? { period: facts.date } : {}),
          ...(people
            ? people.unit === 'household'
              ? { households: Math.round(people.value) }
              : { individuals: Math.round(people.value) }
            : {}),
          ...(facts.claimant?.organizationId
            ? { reportingOrganizationId: facts.claimant.organizationId }
            : {}),
        },
        missing,
      };
    }
  }
}

/** The fields of the record an analyst may send instead of what a missing fact would have given. */
const coveredBy: Record<string, readonly string[]> = {
  date: ['period', 'statusHistory'],
  quantities: ['lines', 'quantity', 'individuals', 'households'],
  itemId: ['lines', 'itemId'],
};

/** What is still missing once the record's fields the analyst sent are counted. */
function stillMissing(missing: readonly string[], edits: ReviewAcceptInput): string[] {
  const given = new Set(Object.keys(edits.record ?? {}));
  return missing.filter((field) => {
    const parts = field.split('.');
    const key = parts[0] === 'record' ? null : (parts.at(-1) ?? field);
    const covering = key === null ? [parts[1] ?? ''] : (coveredBy[key] ?? []);
    return !covering.some((name) => given.has(name));
  });
}

function claimStatusWords(
  facts: ReviewFacts,
  mapping: EventMapping,
  edits: ReviewAcceptInput,
): StatusWords | null {
  const mapped = mapping.statuses[(facts.eventStatus ?? 'unknown') as EventStatus];
  if (!mapped) return null;
  // The analyst's reading of the status is both what the record shows and what the claim reports.
  return edits.status ? words(edits.status) : mapped;
}

/** Claims about what an event states, in the fields `resource` keeps it. */
function eventClaims(
  facts: ReviewFacts,
  resource: ClaimSubjectResource,
  status: StatusWords | null,
  recordStatus: string | null,
): ReviewClaimDraft[] {
  const fields = resourceFields[resource] ?? {};
  const quote = facts.quote;
  const claims: ReviewClaimDraft[] = [];
  if (status?.claim) {
    const day = recordStatus ? statusDay(recordStatus, facts) : statusDay(status.claim, facts);
    claims.push({ field: 'status', value: { status: status.claim, ...(day ? { on: day.day } : {}) }, quote });
  }
  if (fields.period && facts.date)
    claims.push({ field: fields.period, value: periodValue(facts.date), quote });
  if (fields.place && facts.place)
    claims.push({ field: fields.place, value: placeValue(facts.place), quote });
  if (fields.participants && facts.participants.length > 0) {
    const extra: Record<string, string> =
      resource === 'agreements' ? { role: 'signatory' } : { attendance: attendanceOf(status?.claim ?? null) };
    claims.push({
      field: fields.participants,
      value: facts.participants.map((party) => partyValue(facts, party, extra)),
      quote,
    });
  }
  return claims;
}

/** Claims about each figure, quoting the figure's own words. */
function figureClaims(
  facts: ReviewFacts,
  resource: ClaimSubjectResource,
  field?: string,
): ReviewClaimDraft[] {
  const figure = resourceFields[resource]?.figure;
  let line = 0;
  return facts.quantities.flatMap((quantity) => {
    const index = placeUnits.has(quantity.unit) ? -1 : line++;
    const at = field ?? figure?.(quantity.unit, index);
    return at ? [{ field: at, value: figureValue(quantity), quote: quantity.quote }] : [];
  });
}

/** A summary of an event for a record of another kind: what happened, in which status, when and where. */
function eventSummary(facts: ReviewFacts) {
  return {
    type: facts.eventType,
    status: facts.eventStatus,
    ...(facts.date ? { date: periodValue(facts.date) } : {}),
    ...(facts.place ? { place: placeValue(facts.place) } : {}),
  };
}

/**
 * Every accepted event cites its words at least once: when it states nothing the record keeps in
 * a field (an agreement of unknown status, with no date or figure), the claim is the event itself.
 */
function orSummary(facts: ReviewFacts, claims: ReviewClaimDraft[]): ReviewClaimDraft[] {
  return claims.length > 0 ? claims : [{ field: 'events', value: eventSummary(facts), quote: facts.quote }];
}

function claimantOf(
  facts: ReviewFacts,
  edits: ReviewAcceptInput,
  missing: string[],
): ReviewPlanView['claimant'] & {
  reporterRole: 'primary' | 'secondary';
} {
  const text = facts.claimant && !facts.claimant.organizationId ? facts.claimant.name : null;
  const role = (organizationId: string | null) =>
    organizationId && organizationId === facts.outletId ? 'primary' : 'secondary';
  if (edits.claimantPersonId)
    return { organizationId: null, personId: edits.claimantPersonId, text, reporterRole: 'secondary' };
  const named = edits.claimantOrganizationId ?? facts.claimant?.organizationId ?? null;
  if (named) return { organizationId: named, personId: null, text, reporterRole: role(named) };
  // An organization the registry does not know is never made up: the outlet that printed the
  // words stands as the claimant, and the name stays as written.
  if (facts.outletId)
    return { organizationId: facts.outletId, personId: null, text, reporterRole: 'primary' };
  missing.push('claimantOrganizationId');
  return { organizationId: null, personId: null, text, reporterRole: 'primary' };
}

/**
 * What accepting a candidate does: the record it creates (or the linked record's resource), the
 * claims, the claimant, and what the analyst must still give (`missing`). `linked` is the
 * resource of the record named by `edits.link`, looked up by the caller.
 */
export function planAcceptance(
  raw: ReviewFacts,
  edits: ReviewAcceptInput,
  linked?: ClaimSubjectResource,
): ReviewPlanView {
  const facts = corrected(raw, edits);
  const missing: string[] = [];
  const claimant = claimantOf(facts, edits, missing);
  const { reporterRole, ...who } = claimant;
  const base = { claimant: who, reporterRole, missing };
  const mapping =
    facts.kind === 'event'
      ? (eventMappings[(facts.eventType ?? 'other') as EventType] ?? eventMappings.other)
      : null;

  if (linked) {
    let claims: ReviewClaimDraft[];
    if (!mapping) {
      claims = figureClaims(facts, linked, edits.field);
      if (claims.length === 0) missing.push('field');
    } else if (mapping.resource === linked) {
      const status = claimStatusWords(facts, mapping, edits);
      claims = orSummary(facts, [
        ...eventClaims(facts, linked, status, null),
        ...figureClaims(facts, linked),
      ]);
    } else if (mapping.resource === null && mapping.linkField === 'participants') {
      claims = [
        {
          field: edits.field ?? 'participants',
          value: facts.participants.map((party) => partyValue(facts, party, { attendance: 'boycotted' })),
          quote: facts.quote,
        },
      ];
    } else {
      claims = [
        {
          field: edits.field ?? mapping.linkField ?? 'events',
          value: eventSummary(facts),
          quote: facts.quote,
        },
        ...figureClaims(facts, linked),
      ];
    }
    return { ...base, resource: linked, action: 'link', recordStatus: null, record: null, claims };
  }

  const status = mapping ? claimStatusWords(facts, mapping, edits) : null;
  if (!mapping || mapping.resource === null || status === null) {
    missing.unshift('link');
    return {
      ...base,
      resource: mapping?.resource ?? null,
      action: 'link',
      recordStatus: null,
      record: null,
      claims: [],
    };
  }
  const resource = mapping.resource;
  const allowed = recordStatuses[resource];
  if (edits.status && !allowed?.includes(edits.status)) {
    throw new AppError('validation.invalid', {
      fields: [{ field: 'status', code: 'invalid_value', values: [...(allowed ?? [])] }],
    });
  }
  const draft = recordOf(resource, facts, mapping, status.record);
  const record = { ...draft.record, ...(edits.record ?? {}) };
  missing.push(...stillMissing(draft.missing, edits));
  const claims = orSummary(facts, [
    ...eventClaims(facts, resource, status, status.record),
    ...figureClaims(facts, resource),
  ]);
  return {
    ...base,
    missing: [...new Set(missing)],
    resource,
    action: 'create',
    recordStatus: status.record,
    record,
    claims,
  };
}

/** How precise a claim is in time and place, from what the text gives. */
export function precisionsOf(facts: ReviewFacts): {
  timePrecision: 'day' | 'month' | 'year' | null;
  placePrecision: 'admin1' | 'admin2' | 'admin3' | 'country' | null;
} {
  const pcode = facts.place?.pcode ?? null;
  let placePrecision: 'admin1' | 'admin2' | 'admin3' | 'country' | null = null;
  if (pcode)
    placePrecision =
      pcode.length <= 2 ? 'country' : pcode.length <= 4 ? 'admin1' : pcode.length <= 6 ? 'admin2' : 'admin3';
  return { timePrecision: facts.date?.precision ?? null, placePrecision };
}
