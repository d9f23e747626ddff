import { AppError } from '@tansiq/core';
import type { z } from 'zod';

/** Parses untrusted input; failures become one validation error listing every field. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  at?: Record<string, unknown>,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation.invalid', { issues: result.error.issues, ...at });
  return result.data;
}
