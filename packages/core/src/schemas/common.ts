import { z } from 'zod';

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
