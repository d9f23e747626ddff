import type { SourceTextView } from '@tansiq/core';
import { useI18n } from '../i18n/context.tsx';
import { useApi } from '../useApi.ts';
import { Loading } from './Pending.tsx';

const CONTEXT = 160;

/** A quoted span with the text around it, read from the stored source; the quote is highlighted. */
export function QuoteInContext({
  sourceId,
  quote,
}: {
  sourceId: string;
  quote: { start: number; end: number; text: string };
}) {
  const { t } = useI18n();
  const source = useApi<SourceTextView>(`/api/sources/${encodeURIComponent(sourceId)}/text`);
  if (source.status === 'loading') return <Loading label={t('evidence.loadingText')} />;
  // Without the text (not readable by this user, or gone), the quote alone still stands.
  const text = source.status === 'ready' ? source.data.text : null;
  const matches = text !== null && text.slice(quote.start, quote.end) === quote.text;
  if (!matches)
    return (
      <blockquote className="quote" dir="auto">
        <mark>{quote.text}</mark>
      </blockquote>
    );
  const from = Math.max(0, quote.start - CONTEXT);
  const to = Math.min(text.length, quote.end + CONTEXT);
  return (
    <blockquote className="quote" dir="auto">
      {from > 0 && '… '}
      {text.slice(from, quote.start)}
      <mark>{quote.text}</mark>
      {text.slice(quote.end, to)}
      {to < text.length && ' …'}
      <footer className="quote-offsets muted">
        {t('evidence.offsets', { start: String(quote.start), end: String(quote.end) })}
      </footer>
    </blockquote>
  );
}
