import { AppError } from '@tansiq/core';
import { z } from 'zod';
import type { CommandInput, Options } from './command.ts';

/** `placeAdminUnitId` → `place-admin-unit-id`: the flag that sets a query field. */
export function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** One string option per flag, as node's parseArgs wants them. */
export function stringOptions(flags: Iterable<string>): Options {
  const options: Options = {};
  for (const flag of flags) options[flag] = { type: 'string' };
  return options;
}

/** The values given for these flags, under the fields they set (`{ itemId: '…' }`). */
export function fieldsFromFlags(
  values: CommandInput['values'],
  flagByField: Readonly<Record<string, string>>,
): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [field, flag] of Object.entries(flagByField)) {
    const value = values[flag];
    if (typeof value === 'string') raw[field] = value;
  }
  return raw;
}

/**
 * Parses with the route's own schema, so the CLI accepts exactly what HTTP accepts. A failure is
 * the usual `validation.invalid` (exit 1), naming the flags the user typed rather than the fields.
 */
export function validateFlags<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  flagByField: Readonly<Record<string, string>>,
): z.output<S> {
  // With the input on each issue, a value of the wrong type reads "must be a number", not "is required".
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const [head, ...rest] = issue.path;
    const flag = typeof head === 'string' ? flagByField[head] : undefined;
    return flag ? { ...issue, path: [`--${flag}`, ...rest] } : issue;
  });
  throw new AppError('validation.invalid', { issues });
}

/** The values of an enum field (optional or with a default), for help texts; none for other fields. */
export function enumValues(field: z.ZodType): readonly string[] {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodEnum ? inner.options.map(String) : [];
}
