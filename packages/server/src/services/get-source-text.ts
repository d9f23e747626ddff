import { AppError, type SourceTextView } from '@tansiq/core';
import { findSourceText } from '../store/sources.ts';
import type { Ctx } from './context.ts';

/** A source's text exactly as ingested, with its SHA-256: what claims' quote offsets index. */
export async function getSourceText(ctx: Ctx, id: string): Promise<SourceTextView> {
  const row = await findSourceText(ctx.db, id);
  if (!row) throw new AppError('record.not_found', { resource: 'source', id });
  if (row.content === null || row.content_sha256 === null) throw new AppError('source.no_text', { id });
  return { id: row.id, sha256: row.content_sha256, text: row.content };
}
