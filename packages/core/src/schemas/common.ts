import { z } from 'zod';
import { defaultOperationId } from '../ids.ts';

export const Uuid = z.uuid({ version: undefined });

export const sensitivities = ['public', 'restricted', 'confidential', 'secret'] as const;
export const Sensitivity = z.enum(sensitivities);
export type Sensitivity = z.infer<typeof Sensitivity>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Text in two languages; either may be missing, but not both. */
export const LocalizedText = z
  .object({ ar: text(500).optional(), en: text(500).optional() })
  .strict()
  .refine((value) => Boolean(value.ar || value.en), { message: 'names.required' });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: 'country.code' });

export const IsoDate = z.iso.date();

export const Point = z
  .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  .strict();
export type Point = z.infer<typeof Point>;

/** Fields every stored record shows. */
export const RecordMeta = z.object({
  id: Uuid,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export const datePrecisions = ['day', 'month', 'year'] as const;
export const DatePrecision = z.enum(datePrecisions);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** The reference period of a fact: when it was true, to the precision the source gives. */
export const Period = z
  .object({ start: IsoDate, end: IsoDate.nullable().optional(), precision: DatePrecision.default('day') })
  .strict()
  .refine((p) => !p.end || p.end >= p.start, { message: 'period.order', path: ['end'] });
export type Period = z.infer<typeof Period>;

/** Where a fact happened: the matched admin unit or site, and the place text as reported. */
export const PlaceRef = z
  .object({
    adminUnitId: Uuid.nullable().optional(),
    siteId: Uuid.nullable().optional(),
    text: z.string().trim().min(1).max(300).nullable().optional(),
  })
  .strict();
export type PlaceRef = z.infer<typeof PlaceRef>;

/** A dated status change of a meeting, agreement, pledge or shipment. */
export function statusEventInput<S extends readonly [string, ...string[]]>(statuses: S) {
  return z
    .object({
      status: z.enum(statuses),
      occurredOn: IsoDate,
      precision: DatePrecision.default('day'),
      notes: z
        .object({
          ar: z.string().trim().min(1).max(2000).optional(),
          en: z.string().trim().min(1).max(2000).optional(),
        })
        .strict()
        .optional(),
    })
    .strict();
}

export const StatusEventView = z.object({
  id: z.string(),
  status: z.string(),
  occurredOn: z.string(),
  precision: DatePrecision,
  notes: z.object({ ar: z.string().optional(), en: z.string().optional() }),
  recordedAt: z.string(),
});
export type StatusEventView = z.infer<typeof StatusEventView>;

/** Every operation-scoped record names its operation; the default one when the client does not. */
export const OperationRef = Uuid.default(defaultOperationId);

/**
 * The PATCH form of an object schema: every field optional and WITHOUT its default. (zod's
 * `.partial()` keeps defaults, so a PATCH that does not mention `sensitivity` would reset it.)
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    fields[key] = inner.optional();
  }
  return z.object(fields).strict() as unknown as z.ZodObject<{
    [K in keyof Shape]: z.ZodOptional<
      Shape[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : Shape[K]
    >;
  }>;
}
