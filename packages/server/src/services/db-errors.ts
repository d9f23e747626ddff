import { AppError } from '@tansiq/core';
import type { Resource } from './resource.ts';

interface PgError {
  code?: string;
  constraint?: string;
}

/** Turns constraint violations the database caught into the domain's own errors. */
export function mapDbError(error: unknown, resource: Resource): unknown {
  const pgError = error as PgError;
  if (pgError.code === '23505') {
    const field = (pgError.constraint && resource.uniques[pgError.constraint]) ?? 'id';
    return new AppError('record.conflict', { resource: resource.resource, field }, { cause: error });
  }
  if (pgError.code === '23503') {
    const reference = resource.references.find((r) => pgError.constraint?.includes(r.column));
    return new AppError(
      'record.reference_missing',
      {
        field: reference?.field ?? 'reference',
        resource: reference?.resource ?? resource.resource,
        value: '?',
      },
      { cause: error },
    );
  }
  if (pgError.code === '23514' && pgError.constraint) {
    // A CHECK the schema enforces beyond what zod checked: a validation error on the constraint.
    return new AppError(
      'validation.invalid',
      { fields: [{ field: pgError.constraint, code: 'invalid' }] },
      { cause: error },
    );
  }
  return error;
}
