/**
 * Domain errors carry a code, never an HTTP status: the HTTP edge maps codes to statuses,
 * the CLI to exit codes, and both show `messages[lang][code]`.
 * Codes are prefixed by module so that each module owns its own failures.
 */
export const errorCodes = [
  'validation.invalid',
  'record.not_found',
  'record.conflict',
  'record.reference_missing',
  'record.deleted',
  'agreement.condition_in_use',
  'unit.unknown',
  'unit.incompatible',
  'gazetteer.unrecognized_file',
  'gazetteer.no_code_column',
  'gazetteer.bad_row',
  'exchange.unreadable_encoding',
  'exchange.unsupported_format',
  'exchange.malformed_csv',
  'exchange.malformed_xlsx',
  'exchange.malformed_json',
  'exchange.too_large',
  'exchange.too_many_rows',
  'exchange.too_many_columns',
  'exchange.cell_too_large',
  'exchange.row_too_large',
  'exchange.duplicate_header',
  'exchange.no_header',
  'exchange.sheet_not_found',
  'import.unknown_resource',
  'import.no_columns',
  'import.bad_mapping',
  'import.missing_file',
  'import.rows_invalid',
  'import.not_found',
  'export.unknown_resource',
  'file.not_found',
  'file.unreadable',
  'backup.invalid_file',
  'backup.schema_mismatch',
  'restore.target_not_empty',
  'db.unreachable',
  'db.embedded_failed',
  'db.embedded_unreachable_dir',
  'server.already_running',
  'server.port_in_use',
  'config.invalid',
  'request.invalid_body',
  'request.unknown_route',
  'request.too_large',
  'ledger.insufficient_stock',
  'ledger.already_reversed',
  'ledger.reversal_of_reversal',
  'shipment.not_dispatched',
  'shipment.lines_locked',
  'shipment.receipt_exceeds_dispatched',
  'distribution.no_source_site',
  'distribution.already_completed',
  'distribution.completed_cannot_cancel',
  'source.no_text',
  'source.ingest_required',
  'claim.quote_mismatch',
  'claim.source_has_no_text',
  'claim.transition_refused',
  'demo.article_mismatch',
  'extract.empty',
  'extract.not_utf8',
  'extract.too_large',
  'extract.binary',
  'cli.usage',
  'cli.unknown_command',
  'access.sign_in_required',
  'access.invalid_credentials',
  'access.invalid_token',
  'access.locked',
  'access.rate_limited',
  'access.forbidden',
  'access.other_organization',
  'access.csrf',
  'access.read_only_token',
  'user.email_taken',
  'user.not_found',
  'user.weak_password',
  'review.already_decided',
  'review.field_required',
  'review.link_required',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
