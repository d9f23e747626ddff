import type { Lang } from '@tansiq/core';
import { z } from 'zod';
import type { HeaderKey } from './labels.ts';
import { type Cell, type Column, type Texts, textIn, yesNo } from './table.ts';

/** A view as the table reads it: any record of any resource. */
export type ViewRecord = Readonly<Record<string, unknown>>;

/**
 * The short fields worth a column, best first; a table shows the first four its view has. Each
 * is a field name of some view and the key of its header in labels.ts.
 */
const preferredFields = [
  'code',
  'pcode',
  'reference',
  'acronym',
  'level',
  'parentPcode',
  'kind',
  'type',
  'role',
  'category',
  'sector',
  'modality',
  'mode',
  'populationGroup',
  'movementType',
  'countingMethod',
  'field',
  'status',
  'quantity',
  'unit',
  'individuals',
  'baseUnit',
  'language',
  'country',
  'reporterRole',
] as const satisfies readonly HeaderKey[];

const maxFields = 4;

/** The type under `.optional()`, `.nullable()` and `.default()`. */
function unwrapped(type: z.ZodType): z.ZodType {
  let inner = type;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

function isScalar(type: z.ZodType | undefined): boolean {
  if (!type) return false;
  const inner = unwrapped(type);
  return (
    inner instanceof z.ZodString ||
    inner instanceof z.ZodNumber ||
    inner instanceof z.ZodBoolean ||
    inner instanceof z.ZodEnum
  );
}

function isTexts(value: unknown): value is Texts {
  if (value === null || typeof value !== 'object') return false;
  const { ar, en } = value as Record<string, unknown>;
  return (ar === undefined || typeof ar === 'string') && (en === undefined || typeof en === 'string');
}

function scalarCell(value: unknown, lang: Lang): Cell {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return yesNo(value, lang);
  return null;
}

/**
 * The columns of a list, chosen from the view's schema (so an empty page has the same ones): the
 * full id (the only form `get` accepts; a UUIDv7's first characters are its creation time,
 * shared by records made together), the names or titles in the chosen language, and up to four
 * of the preferred short fields.
 */
export function recordColumns(view: z.ZodType, lang: Lang): Column<ViewRecord>[] {
  const shape: Record<string, z.ZodType> = view instanceof z.ZodObject ? view.shape : {};
  const columns: Column<ViewRecord>[] = [{ header: 'id', cell: (row) => scalarCell(row.id, lang) }];
  const texts = (['names', 'titles'] as const).find((key) => key in shape);
  if (texts) {
    columns.push({
      header: texts === 'names' ? 'name' : 'title',
      cell: (row) => {
        const value = row[texts];
        return isTexts(value) ? textIn(value, lang) : null;
      },
    });
  } else if (isScalar(shape.title)) {
    columns.push({ header: 'title', cell: (row) => scalarCell(row.title, lang) });
  }
  for (const field of preferredFields.filter((key) => isScalar(shape[key])).slice(0, maxFields)) {
    columns.push({ header: field, cell: (row) => scalarCell(row[field], lang) });
  }
  return columns;
}
