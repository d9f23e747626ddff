import { z } from 'zod';
import {
  CountryCode,
  DatePrecision,
  IsoDate,
  ListQuery,
  OperationRef,
  Period,
  PlaceRef,
  RecordMeta,
  Sensitivity,
  Uuid,
} from './common.ts';

/**
 * Population groups, by the UNHCR population-type codes used in its population statistics:
 * - REF refugees (and people in refugee-like situations)
 * - IDP internally displaced persons
 * - RET refugee returnees (former refugees back in their country of origin)
 * - RDP returned IDPs (internally displaced persons back in their place of origin)
 * - ASY asylum seekers
 * - STA stateless persons
 * - OTH others of concern
 */
export const populationGroups = ['REF', 'IDP', 'RET', 'RDP', 'ASY', 'STA', 'OTH'] as const;
export const PopulationGroup = z.enum(populationGroups);
export type PopulationGroup = z.infer<typeof PopulationGroup>;

export const movementTypes = ['spontaneous', 'organised', 'facilitated', 'forced', 'unknown'] as const;
export const MovementType = z.enum(movementTypes);
export type MovementType = z.infer<typeof MovementType>;

/**
 * How a figure was counted. Figures of different methods measure different things (a
 * registration counts people, a key-informant estimate guesses them): reports never add them
 * together unless the caller asks to.
 */
export const countingMethods = [
  'registration',
  'border_monitoring',
  'key_informant',
  'survey',
  'estimate',
] as const;
export const CountingMethod = z.enum(countingMethods);
export type CountingMethod = z.infer<typeof CountingMethod>;

/** The standard humanitarian age brackets (years). */
export const ageBrackets = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBracket = (typeof ageBrackets)[number];

/** A number of people or households: a non-negative integer that fits the database column. */
const Count = z.number().int().min(0).max(2_000_000_000);

const AgeCounts = z
  .object({
    '0-4': Count.optional(),
    '5-11': Count.optional(),
    '12-17': Count.optional(),
    '18-59': Count.optional(),
    '60+': Count.optional(),
  })
  .strict();

/** Individuals by sex and age bracket; any part may be missing (partial breakdowns are common). */
export const SexAgeDisaggregation = z
  .object({ female: AgeCounts.optional(), male: AgeCounts.optional() })
  .strict()
  .describe('Individuals by sex and age bracket; the sum must not exceed `individuals`.');
export type SexAgeDisaggregation = z.infer<typeof SexAgeDisaggregation>;

export function disaggregatedTotal(value: SexAgeDisaggregation): number {
  let total = 0;
  for (const sex of [value.female, value.male]) {
    for (const bracket of ageBrackets) total += sex?.[bracket] ?? 0;
  }
  return total;
}

/** Where people arrived: the admin unit is required, the site and the place text as reported are not. */
export const Destination = PlaceRef.extend({ adminUnitId: Uuid });

const Notes = z
  .object({
    ar: z.string().trim().min(1).max(2000).optional(),
    en: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

const PlaceText = z.string().trim().min(1).max(300);

/** The fields as stored, without defaults (a patch must not reset what it does not mention). */
const PopulationMovementFields = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    /** The country people came from: ISO 3166-1 alpha-2, the level-0 p-code of the gazetteer. */
    originCountry: CountryCode.nullable().optional(),
    /** Or the admin unit they came from (internal movements). Neither when the origin is unknown. */
    originAdminUnitId: Uuid.nullable().optional(),
    /** The origin as the source reported it. */
    originText: PlaceText.nullable().optional(),
    destination: Destination,
    populationGroup: PopulationGroup,
    /** The reference period the figures cover. */
    period: Period,
    individuals: Count.nullable().optional(),
    households: Count.nullable().optional(),
    disaggregation: SexAgeDisaggregation.nullable().optional(),
    movementType: MovementType,
    countingMethod: CountingMethod,
    reportingOrganizationId: Uuid,
    sensitivity: Sensitivity,
    notes: Notes.nullable().optional(),
  })
  .strict();

type MovementFields = Partial<z.infer<typeof PopulationMovementFields>>;

function checkOrigin(value: MovementFields, ctx: z.RefinementCtx): void {
  if (value.originCountry && value.originAdminUnitId) {
    ctx.addIssue({
      code: 'custom',
      path: ['originAdminUnitId'],
      message: 'population_movement.origin_exclusive',
    });
  }
}

function checkCountGiven(value: MovementFields, ctx: z.RefinementCtx): void {
  if (value.individuals == null && value.households == null) {
    ctx.addIssue({ code: 'custom', path: ['individuals'], message: 'population_movement.count_required' });
  }
}

function checkDisaggregation(value: MovementFields, ctx: z.RefinementCtx): void {
  if (value.disaggregation) {
    if (value.individuals == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['disaggregation'],
        message: 'population_movement.disaggregation_without_individuals',
      });
    } else if (disaggregatedTotal(value.disaggregation) > value.individuals) {
      ctx.addIssue({
        code: 'custom',
        path: ['disaggregation'],
        message: 'population_movement.disaggregation_exceeds',
      });
    }
  }
}

/**
 * One reported figure of people moving: from a country or an admin unit (or an unknown origin)
 * to an admin unit, for a population group and a reference period, counted one way by one
 * organization. Sensitive by default: returnee figures can put people at risk.
 */
export const PopulationMovementInput = PopulationMovementFields.extend({
  movementType: MovementType.default('unknown'),
  sensitivity: Sensitivity.default('restricted'),
}).superRefine((value, ctx) => {
  checkOrigin(value, ctx);
  checkCountGiven(value, ctx);
  checkDisaggregation(value, ctx);
});
export type PopulationMovementInput = z.infer<typeof PopulationMovementInput>;

/**
 * A change of some fields. The origin is replaced as a whole: naming one origin field clears the
 * other. So that a patch alone shows the figures stay consistent, `individuals` and
 * `disaggregation` are sent together (null when there is none), and clearing one of
 * `individuals` / `households` sends the other.
 */
export const PopulationMovementPatch = PopulationMovementFields.omit({ id: true, operationId: true })
  .partial()
  .strict()
  .superRefine((value, ctx) => {
    checkOrigin(value, ctx);
    const has = (key: 'individuals' | 'households' | 'disaggregation') => value[key] !== undefined;
    if (has('individuals') !== has('disaggregation')) {
      ctx.addIssue({
        code: 'custom',
        path: [has('individuals') ? 'disaggregation' : 'individuals'],
        message: 'population_movement.patch_counts_together',
      });
    }
    for (const [cleared, other] of [
      ['individuals', 'households'],
      ['households', 'individuals'],
    ] as const) {
      if (value[cleared] === null && !has(other)) {
        ctx.addIssue({ code: 'custom', path: [other], message: 'population_movement.patch_counts_together' });
      }
    }
    if (has('individuals') && has('households')) checkCountGiven(value, ctx);
    if (has('individuals') && has('disaggregation')) checkDisaggregation(value, ctx);
  });
export type PopulationMovementPatch = z.infer<typeof PopulationMovementPatch>;

const LocalizedNotes = z.object({ ar: z.string().optional(), en: z.string().optional() });

export const PopulationMovementView = RecordMeta.extend({
  operationId: z.string(),
  originCountry: z.string().nullable(),
  originAdminUnitId: z.string().nullable(),
  originText: z.string().nullable(),
  destination: z.object({
    adminUnitId: z.string(),
    siteId: z.string().nullable(),
    text: z.string().nullable(),
  }),
  populationGroup: PopulationGroup,
  period: z.object({ start: z.string(), end: z.string().nullable(), precision: DatePrecision }),
  individuals: z.number().int().nullable(),
  households: z.number().int().nullable(),
  disaggregation: SexAgeDisaggregation.nullable(),
  movementType: MovementType,
  countingMethod: CountingMethod,
  reportingOrganizationId: z.string(),
  sensitivity: Sensitivity,
  notes: LocalizedNotes,
});
export type PopulationMovementView = z.infer<typeof PopulationMovementView>;

/** `from` / `to` bound the start of the reference period, as the returns report's buckets do. */
export const PopulationMovementListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  populationGroup: PopulationGroup.optional(),
  countingMethod: CountingMethod.optional(),
  movementType: MovementType.optional(),
  originCountry: CountryCode.optional(),
  destinationAdminUnitId: Uuid.optional(),
  /** A governorate (level-1 admin unit id): movements whose destination lies in it. */
  governorate: Uuid.optional(),
  reportingOrganizationId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type PopulationMovementListQuery = z.infer<typeof PopulationMovementListQuery>;

// The returns report: totals by destination governorate × counting method × population group ×
// period bucket.

export const returnsGroupings = ['month', 'quarter', 'year'] as const;

/** A boolean query parameter: `true` / `false` in a URL, a boolean once parsed. */
const QueryBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const ReturnsReportQuery = z
  .object({
    groupBy: z.enum(returnsGroupings).default('month'),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    populationGroup: PopulationGroup.optional(),
    countingMethod: CountingMethod.optional(),
    governorate: Uuid.optional(),
    operationId: Uuid.optional(),
    /** Add figures of different counting methods together (off by default). */
    combineMethods: QueryBoolean.default(false),
  })
  .strict();
export type ReturnsReportQuery = z.infer<typeof ReturnsReportQuery>;

const GovernorateRef = z
  .object({ id: z.string(), pcode: z.string(), names: LocalizedNotes })
  .nullable()
  .describe('The destination governorate; null for movements to a place above governorates (a country).');

const Figures = {
  /** Null when no movement of the group gave the figure. */
  individuals: z.number().int().nullable(),
  households: z.number().int().nullable(),
  /** How many movement records the figures add up. */
  movements: z.number().int(),
};

export const ReturnsReportRow = z.object({
  governorate: GovernorateRef,
  populationGroup: PopulationGroup,
  /** The bucket, by the start of the movements' reference periods. */
  period: z.object({ label: z.string(), start: z.string(), end: z.string() }),
  /** Null when methods were combined. */
  countingMethod: CountingMethod.nullable(),
  /** The methods whose figures this row holds: one, unless methods were combined. */
  countingMethods: z.array(CountingMethod),
  ...Figures,
});
export type ReturnsReportRow = z.infer<typeof ReturnsReportRow>;

export const ReturnsReportTotal = z.object({
  governorate: GovernorateRef,
  countingMethod: CountingMethod.nullable(),
  countingMethods: z.array(CountingMethod),
  ...Figures,
});
export type ReturnsReportTotal = z.infer<typeof ReturnsReportTotal>;

export const ReturnsReport = z.object({
  groupBy: z.enum(returnsGroupings),
  methodsCombined: z.boolean(),
  /** Every counting method whose figures the report holds (added together when methodsCombined). */
  countingMethods: z.array(CountingMethod),
  rows: z.array(ReturnsReportRow),
  /** Per governorate over all groups and periods: per method, unless methods were combined. */
  totals: z.array(ReturnsReportTotal),
});
export type ReturnsReport = z.infer<typeof ReturnsReport>;
