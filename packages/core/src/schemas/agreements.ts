import { z } from 'zod';
import {
  IsoDate,
  ListQuery,
  LocalizedText,
  OperationRef,
  Period,
  RecordMeta,
  Sensitivity,
  StatusEventView,
  statusEventInput,
  Uuid,
} from './common.ts';

// Agreements: memoranda, agreements, letters of agreement, access arrangements, returns
// frameworks; their parties, their dated status, and the conditions that aid may be tied to.
export const agreementTypes = [
  'mou',
  'agreement',
  'letter_of_agreement',
  'access_arrangement',
  'returns_framework',
  'other',
] as const;
export const AgreementType = z.enum(agreementTypes);
export type AgreementType = z.infer<typeof AgreementType>;

export const agreementDomains = [
  'legal_assistance',
  'cybersecurity',
  'customs',
  'trade',
  'education',
  'health',
  'returns',
  'humanitarian_access',
  'other',
] as const;
export const AgreementDomain = z.enum(agreementDomains);
export type AgreementDomain = z.infer<typeof AgreementDomain>;

/** An agreement's status is its latest dated event (by date, not by the order they were recorded). */
export const agreementStatuses = [
  'draft',
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'expired',
  'terminated',
] as const;
export const AgreementStatus = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof AgreementStatus>;
export const AgreementStatusEventInput = statusEventInput(agreementStatuses);
export type AgreementStatusEventInput = z.infer<typeof AgreementStatusEventInput>;

export const agreementPartyRoles = ['signatory', 'guarantor', 'witness', 'implementing'] as const;
export const AgreementPartyRole = z.enum(agreementPartyRoles);
export type AgreementPartyRole = z.infer<typeof AgreementPartyRole>;

export const conditionTypes = ['policy', 'performance', 'fiduciary', 'political'] as const;
export const ConditionType = z.enum(conditionTypes);
export type ConditionType = z.infer<typeof ConditionType>;

export const conditionStates = ['met', 'unmet', 'waived'] as const;
export const ConditionState = z.enum(conditionStates);
export type ConditionState = z.infer<typeof ConditionState>;

/** The pieces of aid a condition can hold back. */
export const aidTypes = ['pledge', 'shipment', 'distribution'] as const;
export const AidType = z.enum(aidTypes);
export type AidType = z.infer<typeof AidType>;

/** What the condition holds back: the aid's delivery, or its distribution. */
export const aidConditionScopes = ['delivery', 'distribution'] as const;
export const AidConditionScope = z.enum(aidConditionScopes);
export type AidConditionScope = z.infer<typeof AidConditionScope>;

const longText = z.string().trim().min(1).max(4000);
const agreementNotes = z.object({ ar: longText.optional(), en: longText.optional() }).strict();
/** A condition's wording in two languages; either may be missing, not both. */
const conditionTexts = z
  .object({ ar: longText.optional(), en: longText.optional() })
  .strict()
  .refine((value) => Boolean(value.ar || value.en), { message: 'texts.required' });
const textsView = z.object({ ar: z.string().optional(), en: z.string().optional() });

const noRepeats = <T>(key: (value: T) => string) =>
  [(values: T[]) => new Set(values.map(key)).size === values.length, { message: 'list.unique' }] as const;

export const AgreementPartyInput = z.object({ organizationId: Uuid, role: AgreementPartyRole }).strict();
export type AgreementPartyInput = z.infer<typeof AgreementPartyInput>;

/**
 * A condition has its own id (aid links to it). On a patch, a condition listed with the id of
 * an existing one changes it; one without an id is new; one left out is removed, which is
 * refused while aid still links to it.
 */
export const AgreementConditionInput = z
  .object({
    id: Uuid.optional(),
    type: ConditionType,
    texts: conditionTexts,
    state: ConditionState.default('unmet'),
    stateOn: IsoDate.nullable().optional(),
  })
  .strict();
export type AgreementConditionInput = z.infer<typeof AgreementConditionInput>;

const agreementFields = {
  titles: LocalizedText,
  type: AgreementType,
  domains: z
    .array(AgreementDomain)
    .min(1)
    .max(agreementDomains.length)
    .refine(...noRepeats((domain: string) => domain)),
  /** One record may stand for a package of instruments a source does not name one by one. */
  instrumentCount: z.number().int().min(1).max(10_000),
  parties: z
    .array(AgreementPartyInput)
    .max(200)
    .refine(...noRepeats((p: AgreementPartyInput) => `${p.organizationId}/${p.role}`)),
  effectivePeriod: Period.nullable(),
  meetingId: Uuid.nullable(),
  conditions: z
    .array(AgreementConditionInput)
    .max(200)
    .refine((conditions) => {
      const ids = conditions.flatMap((c) => (c.id ? [c.id] : []));
      return new Set(ids).size === ids.length;
    }, 'list.unique'),
  sensitivity: Sensitivity,
  notes: agreementNotes.nullable(),
};

export const AgreementInput = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    ...agreementFields,
    instrumentCount: agreementFields.instrumentCount.default(1),
    parties: agreementFields.parties.default([]),
    effectivePeriod: agreementFields.effectivePeriod.optional(),
    meetingId: agreementFields.meetingId.optional(),
    conditions: agreementFields.conditions.default([]),
    sensitivity: agreementFields.sensitivity.default('public'),
    notes: agreementFields.notes.optional(),
    /** Dated status events known at creation (later ones: POST /api/agreements/:id/events). */
    statusHistory: z.array(AgreementStatusEventInput).max(50).optional(),
  })
  .strict();
export type AgreementInput = z.infer<typeof AgreementInput>;
/** No defaults: a patch changes only what it names (a list it names is replaced). */
export const AgreementPatch = z.object(agreementFields).partial().strict();
export type AgreementPatch = z.infer<typeof AgreementPatch>;

export const AgreementPartyView = z.object({
  organizationId: z.string(),
  role: AgreementPartyRole,
  names: textsView,
});
export type AgreementPartyView = z.infer<typeof AgreementPartyView>;

export const AgreementConditionView = z.object({
  id: z.string(),
  type: ConditionType,
  texts: textsView,
  state: ConditionState,
  stateOn: z.string().nullable(),
  /** Live links from aid to this condition. */
  linkedAid: z.number().int(),
});
export type AgreementConditionView = z.infer<typeof AgreementConditionView>;

export const AgreementView = RecordMeta.extend({
  operationId: z.string(),
  titles: textsView,
  type: AgreementType,
  domains: z.array(AgreementDomain),
  instrumentCount: z.number().int(),
  parties: z.array(AgreementPartyView),
  status: AgreementStatus,
  statusHistory: z.array(StatusEventView),
  effectivePeriod: z
    .object({ start: z.string(), end: z.string().nullable(), precision: z.enum(['day', 'month', 'year']) })
    .nullable(),
  meetingId: z.string().nullable(),
  conditions: z.array(AgreementConditionView),
  sensitivity: Sensitivity,
  notes: textsView,
});
export type AgreementView = z.infer<typeof AgreementView>;

export const AgreementListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  type: AgreementType.optional(),
  status: AgreementStatus.optional(),
  domain: AgreementDomain.optional(),
  meetingId: Uuid.optional(),
  /** Agreements this organization is a party to, in any role. */
  organizationId: Uuid.optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

// Conditional links: one piece of aid held back by one condition.
export const AidConditionLinkInput = z
  .object({
    id: Uuid.optional(),
    aidType: AidType,
    aidId: Uuid,
    scope: AidConditionScope,
    notes: agreementNotes.optional(),
  })
  .strict();
export type AidConditionLinkInput = z.infer<typeof AidConditionLinkInput>;

export const AidConditionLinkView = RecordMeta.extend({
  operationId: z.string(),
  agreementId: z.string(),
  conditionId: z.string(),
  aidType: AidType,
  aidId: z.string(),
  scope: AidConditionScope,
  notes: textsView,
});
export type AidConditionLinkView = z.infer<typeof AidConditionLinkView>;

// The conditioned-aid report: which aid is conditioned on which agreement, one row per link.
export const ConditionedAidQuery = z
  .object({
    operationId: Uuid.optional(),
    agreementId: Uuid.optional(),
    aidType: AidType.optional(),
    aidId: Uuid.optional(),
    conditionType: ConditionType.optional(),
    state: ConditionState.optional(),
    /** Only links to a political condition (true), or only the others (false). */
    political: z.union([z.boolean(), z.stringbool()]).optional(),
  })
  .strict();
export type ConditionedAidQuery = z.infer<typeof ConditionedAidQuery>;

export const ConditionedAidLine = z.object({
  itemId: z.string(),
  itemNames: textsView,
  quantity: z.number(),
  unit: z.string(),
});
export type ConditionedAidLine = z.infer<typeof ConditionedAidLine>;

export const ConditionedAidRow = z.object({
  linkId: z.string(),
  scope: AidConditionScope,
  notes: textsView,
  aid: z.object({
    type: AidType,
    id: z.string(),
    titles: textsView,
    status: z.string(),
    /** The title, else what it carries ("250000 dose Sputnik Light"), else the amount. */
    description: textsView,
    lines: z.array(ConditionedAidLine),
    amount: z.object({ value: z.number(), currency: z.string() }).nullable(),
  }),
  condition: z.object({
    id: z.string(),
    type: ConditionType,
    texts: textsView,
    state: ConditionState,
    stateOn: z.string().nullable(),
  }),
  agreement: z.object({
    id: z.string(),
    titles: textsView,
    type: AgreementType,
    domains: z.array(AgreementDomain),
    status: AgreementStatus,
    instrumentCount: z.number().int(),
    parties: z.array(AgreementPartyView),
  }),
  conditionedOnPoliticalAgreement: z.boolean(),
});
export type ConditionedAidRow = z.infer<typeof ConditionedAidRow>;

export const ConditionedAidReport = z.object({ items: z.array(ConditionedAidRow), total: z.number().int() });
export type ConditionedAidReport = z.infer<typeof ConditionedAidReport>;
