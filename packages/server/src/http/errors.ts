import {
  AppError,
  describeFieldProblems,
  type ErrorCode,
  type FieldError,
  type FieldProblem,
  fieldErrors,
  type Lang,
  messageFor,
  summarizeFieldErrors,
} from '@tansiq/core';
import type { z } from 'zod';

export const httpStatus = {
  'validation.invalid': 400,
  'record.not_found': 404,
  'record.conflict': 409,
  'record.reference_missing': 422,
  'record.deleted': 410,
  'agreement.condition_in_use': 409,
  'unit.unknown': 422,
  'unit.incompatible': 422,
  'gazetteer.unrecognized_file': 400,
  'gazetteer.no_code_column': 400,
  'gazetteer.bad_row': 400,
  'exchange.unreadable_encoding': 400,
  'exchange.unsupported_format': 415,
  'exchange.malformed_csv': 400,
  'exchange.malformed_xlsx': 400,
  'exchange.malformed_json': 400,
  'exchange.too_large': 413,
  'exchange.too_many_rows': 413,
  'exchange.too_many_columns': 413,
  'exchange.cell_too_large': 413,
  'exchange.row_too_large': 413,
  'exchange.duplicate_header': 400,
  'exchange.no_header': 400,
  'exchange.sheet_not_found': 400,
  'import.unknown_resource': 404,
  'import.no_columns': 400,
  'import.bad_mapping': 400,
  'import.missing_file': 400,
  'import.rows_invalid': 422,
  'import.not_found': 404,
  'export.unknown_resource': 404,
  'file.not_found': 404,
  'file.unreadable': 400,
  'backup.invalid_file': 400,
  'backup.schema_mismatch': 409,
  'restore.target_not_empty': 409,
  'db.unreachable': 503,
  'db.embedded_failed': 503,
  'db.embedded_unreachable_dir': 503,
  'server.already_running': 409,
  'server.port_in_use': 409,
  'config.invalid': 500,
  'request.invalid_body': 400,
  'request.unknown_route': 404,
  'request.too_large': 413,
  'ledger.insufficient_stock': 409,
  'ledger.already_reversed': 409,
  'ledger.reversal_of_reversal': 409,
  'shipment.not_dispatched': 409,
  'shipment.lines_locked': 409,
  'shipment.receipt_exceeds_dispatched': 409,
  'distribution.no_source_site': 409,
  'distribution.already_completed': 409,
  'distribution.completed_cannot_cancel': 409,
  'source.no_text': 404,
  'source.ingest_required': 400,
  'claim.quote_mismatch': 422,
  'claim.source_has_no_text': 422,
  'claim.transition_refused': 409,
  'demo.article_mismatch': 422,
  'extract.empty': 400,
  'extract.not_utf8': 400,
  'extract.too_large': 413,
  'extract.binary': 400,
  'cli.usage': 400,
  'cli.unknown_command': 400,
  'access.sign_in_required': 401,
  'access.invalid_credentials': 401,
  'access.invalid_token': 401,
  'access.locked': 429,
  'access.rate_limited': 429,
  'access.forbidden': 403,
  'access.other_organization': 403,
  'access.csrf': 403,
  'access.read_only_token': 403,
  'user.email_taken': 409,
  'user.not_found': 404,
  'user.weak_password': 400,
  'review.already_decided': 409,
  'review.field_required': 422,
  'review.link_required': 422,
  internal: 500,
} satisfies Record<ErrorCode, number>;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> };
}

/** Localized field errors of a validation failure, from zod issues or domain field problems. */
export function validationFields(details: Record<string, unknown>, lang: Lang): FieldError[] {
  if (Array.isArray(details.issues)) return fieldErrors(details.issues as z.core.$ZodIssue[], lang);
  if (Array.isArray(details.fields)) return describeFieldProblems(details.fields as FieldProblem[], lang);
  return [];
}

/** The error as users and clients read it: code, message in their language, safe details. */
export function presentError(error: AppError, lang: Lang): ErrorBody {
  const { issues: _issues, fields: _fields, ...rest } = error.details;
  const details: Record<string, unknown> = { ...rest };
  let messageDetails = error.details;
  if (error.code === 'validation.invalid') {
    const fields = validationFields(error.details, lang);
    details.fields = fields;
    messageDetails = { ...error.details, summary: summarizeFieldErrors(fields) };
  }
  return { error: { code: error.code, message: messageFor(lang, error.code, messageDetails), details } };
}

export function internalError(): AppError {
  return new AppError('internal');
}
