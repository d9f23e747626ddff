import { AppError } from '@tansiq/core';
import type { z } from 'zod';

/** Parses untrusted input; failures become one validation error listing every field. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  at?: Record<string, unknown>,
): z.infer<S> {
  // reportInput: tells a missing field ("is required") from a wrong one ("must be a number").
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new AppError('validation.invalid', { issues: result.error.issues, ...at });
  return result.data;
}
