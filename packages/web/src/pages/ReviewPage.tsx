import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, request, withQuery } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Empty, Failure, Loading } from '../components/Pending.tsx';
import { evidencePath } from '../components/reports.tsx';
import { Bidi, Quantity } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { LocalizedValue } from '../i18n/index.ts';
import { type Span, segmentText } from '../lib/spans.ts';
import { Link } from '../router.tsx';
import { useApi } from '../useApi.ts';

/** What POST /api/extract answers (extraction-contract.md), the parts this page shows. */
interface Located {
  text: string;
  start: number;
  end: number;
}
export interface Extraction {
  document: {
    language: 'ar' | 'en';
    title: string | null;
    outlet: string | null;
    author: string | null;
    published: string | null;
    boilerplate: { start: number; end: number; kind: string }[];
    text?: string;
  };
  quantities: (Located & { value: number; unit: string; item: string | null; approximate: boolean })[];
  dates: (Located & { value: string | { start: string; end: string } | null; grain: string })[];
  places: (Located & { name: string; pcode: string | null })[];
  organizations: (Located & { name: string })[];
  events: (Located & {
    type: string;
    status: string;
    date: string | { start: string; end: string } | null;
    place: string | null;
    claimant: string | null;
    participants: string[];
    quantities: number[];
  })[];
}

/** A quoted span: offsets into the source text and the words. */
interface Quote {
  start: number;
  end: number;
  text: string;
}

/**
 * A candidate in the review queue (GET /api/review/candidates; core/schemas/review.ts): what the
 * text says (`facts`) and what accepting would create (`proposal`).
 */
export interface Candidate {
  id: string;
  sourceId: string;
  kind: 'event' | 'quantity';
  /** The event's type, or the figure's unit. */
  type: string;
  status: string;
  quote: Quote;
  facts: {
    eventType: string | null;
    eventStatus: string | null;
    date: { start: string; end: string | null; precision: string } | null;
    place: { name: string; text: string | null; pcode: string | null } | null;
    claimant: { name: string; organizationId: string | null } | null;
    participants: { name: string; organizationId: string | null }[];
    quantities: {
      value: number;
      unit: string;
      item: string | null;
      approximate: boolean;
      itemId: string | null;
    }[];
  };
  proposal: {
    resource: string | null;
    action: 'create' | 'link';
    recordStatus: string | null;
    missing: string[];
  };
}

const kindOrder = ['quantity', 'date', 'place', 'organization'] as const;

export function spansOf(result: Extraction): Span[] {
  return [
    ...result.quantities.map((q) => ({
      start: q.start,
      end: q.end,
      kind: 'quantity',
      note: `${q.value} ${q.unit}`,
    })),
    ...result.dates.map((d) => ({
      start: d.start,
      end: d.end,
      kind: 'date',
      note: typeof d.value === 'string' ? d.value : d.value ? `${d.value.start}–${d.value.end}` : '?',
    })),
    ...result.places.map((p) => ({ start: p.start, end: p.end, kind: 'place', note: p.pcode ?? p.name })),
    ...result.organizations.map((o) => ({ start: o.start, end: o.end, kind: 'organization', note: o.name })),
  ];
}

function HighlightedText({ text, result }: { text: string; result: Extraction }) {
  const { t, label } = useI18n();
  const segments = segmentText(text, spansOf(result), kindOrder);
  return (
    <div>
      <p className="legend">
        {kindOrder.map((kind) => (
          <mark key={kind} className={`span-${kind}`}>
            {label('span', kind)}
          </mark>
        ))}
      </p>
      <section
        className="extracted-text"
        lang={result.document.language}
        dir={result.document.language === 'ar' ? 'rtl' : 'ltr'}
        data-testid="extracted-text"
        // Keyboard users can scroll the long text.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        tabIndex={0}
        aria-label={t('review.text')}
      >
        {segments.map((segment, index) =>
          segment.span ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <mark key={index} className={`span-${segment.span.kind}`} title={segment.span.note}>
              {segment.text}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <span key={index}>{segment.text}</span>
          ),
        )}
      </section>
    </div>
  );
}

function EventList({ result }: { result: Extraction }) {
  const { t, label, formatNumber } = useI18n();
  if (result.events.length === 0) return <Empty>{t('review.noEvents')}</Empty>;
  return (
    <ol className="plain-list events">
      {result.events.map((event) => (
        <li key={`${event.start}:${event.type}`} className="event">
          <span className="tag">{label('eventType', event.type)}</span>{' '}
          <span className="tag tag-quiet">{label('eventStatus', event.status)}</span>{' '}
          {event.date && (
            <bdi>
              {typeof event.date === 'string' ? event.date : `${event.date.start} – ${event.date.end}`}
            </bdi>
          )}{' '}
          {event.place && <bdi>{event.place}</bdi>}
          {event.quantities.length > 0 && (
            <span className="muted"> · {event.quantities.map((q) => formatNumber(q)).join('، ')}</span>
          )}
          <p className="event-text" dir="auto">
            {event.text}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** What the analyst may change before accepting: the figures, the date, and what the text cannot give. */
interface Edits {
  values: (number | null)[];
  date: string;
  link: string;
  itemIds: Record<number, string>;
}

/** The accept body (ReviewAcceptInput): only what differs from the proposal, so an unedited accept sends nothing. */
export function acceptBody(candidate: Candidate, edits: Edits): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const quantities = candidate.facts.quantities.map((quantity, index) => {
    const edit: Record<string, unknown> = {};
    const value = edits.values[index];
    if (value !== null && value !== undefined && value !== quantity.value) edit.value = value;
    const itemId = edits.itemIds[index];
    if (itemId) edit.itemId = itemId;
    return Object.keys(edit).length > 0 ? edit : null;
  });
  if (quantities.some((q) => q !== null)) body.quantities = quantities;
  if (edits.date && edits.date !== candidate.facts.date?.start) body.date = edits.date;
  if (edits.link.trim()) body.link = edits.link.trim();
  return body;
}

/** What deciding answers: the candidate, with the record accepting created or linked. */
interface Decided {
  candidate?: { decision?: { record?: { resource: string; id: string } | null } | null };
}

function CandidateCard({
  candidate,
  onDone,
}: {
  candidate: Candidate;
  onDone: (record: { resource: string; id: string } | null) => void;
}) {
  const { t, label, lang, formatNumber, formatDate } = useI18n();
  const { facts, proposal } = candidate;
  const [edits, setEdits] = useState<Edits>({
    values: facts.quantities.map((q) => q.value),
    date: facts.date?.start ?? '',
    link: '',
    itemIds: {},
  });
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = candidate.kind === 'event' ? candidate.type : 'quantity';
  const needsItem = proposal.missing
    .map((field) => /^quantities\.(\d+)\.itemId$/.exec(field)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  const needsLink = proposal.missing.includes('link');
  const items = useApi<{ items: { id: string; names: LocalizedValue }[] }>(
    needsItem.length > 0 ? '/api/items?limit=500' : null,
  );

  const act = async (action: 'accept' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const decided = await request<Decided>(
        `/api/review/candidates/${encodeURIComponent(candidate.id)}/${action}`,
        lang,
        { method: 'POST', body: action === 'accept' ? acceptBody(candidate, edits) : {} },
      );
      onDone(decided?.candidate?.decision?.record ?? null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className="candidate"
      data-testid="candidate"
      data-kind={kind}
      data-complete={proposal.missing.length === 0 ? 'true' : 'false'}
    >
      <header className="claim-head">
        <span className="tag">{label('eventType', kind)}</span>
        {facts.eventStatus && (
          <span className="tag tag-quiet">{label('eventStatus', facts.eventStatus)}</span>
        )}
        <span className="muted">
          {t('review.proposal', {
            action: label('reviewAction', proposal.action),
            resource: proposal.resource ? label('resource', proposal.resource) : '—',
          })}
          {proposal.recordStatus && ` · ${label('status', proposal.recordStatus)}`}
        </span>
      </header>
      <blockquote className="quote" dir="auto">
        <mark>{candidate.quote.text}</mark>
      </blockquote>
      <dl className="facts candidate-values">
        {facts.quantities.map((quantity, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: edits refer to figures by position
          <div key={index}>
            <dt>
              <label htmlFor={`${candidate.id}-q${index}`}>
                {t('review.figure', { item: quantity.item ?? label('unit', quantity.unit) })}
              </label>
            </dt>
            <dd>
              {editing ? (
                <input
                  id={`${candidate.id}-q${index}`}
                  type="number"
                  min={0}
                  value={edits.values[index] ?? ''}
                  onChange={(event) =>
                    setEdits((current) => ({
                      ...current,
                      values: current.values.map((v, i) => (i === index ? Number(event.target.value) : v)),
                    }))
                  }
                />
              ) : (
                <Quantity value={quantity.value} unit={quantity.unit} approximate={quantity.approximate} />
              )}
            </dd>
          </div>
        ))}
        {facts.date && (
          <div>
            <dt>
              <label htmlFor={`${candidate.id}-date`}>{label('field', 'date')}</label>
            </dt>
            <dd>
              {editing ? (
                <input
                  id={`${candidate.id}-date`}
                  type="date"
                  value={edits.date}
                  onChange={(event) => setEdits((current) => ({ ...current, date: event.target.value }))}
                />
              ) : (
                formatDate(facts.date.start)
              )}
            </dd>
          </div>
        )}
        {facts.place && (
          <div>
            <dt>{label('field', 'place')}</dt>
            <dd>
              <bdi>{facts.place.name}</bdi>
            </dd>
          </div>
        )}
        {facts.claimant && (
          <div>
            <dt>{label('field', 'claimant')}</dt>
            <dd>
              <bdi>{facts.claimant.name}</bdi>
            </dd>
          </div>
        )}
        {facts.participants.length > 0 && (
          <div>
            <dt>{label('field', 'participants')}</dt>
            <dd>
              <bdi>{facts.participants.map((p) => p.name).join('، ')}</bdi>
            </dd>
          </div>
        )}
        {needsItem.map((index) => (
          <div key={`item-${index}`}>
            <dt>
              <label htmlFor={`${candidate.id}-item${index}`}>{label('field', 'item')}</label>
            </dt>
            <dd>
              <select
                id={`${candidate.id}-item${index}`}
                value={edits.itemIds[index] ?? ''}
                onChange={(event) =>
                  setEdits((current) => ({
                    ...current,
                    itemIds: { ...current.itemIds, [index]: event.target.value },
                  }))
                }
              >
                <option value="">{t('admin.choose')}</option>
                {items.status === 'ready' &&
                  items.data.items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.names[lang] ?? item.names.ar ?? item.names.en ?? item.id}
                    </option>
                  ))}
              </select>
            </dd>
          </div>
        ))}
        {needsLink && (
          <div>
            <dt>
              <label htmlFor={`${candidate.id}-link`}>{t('review.link')}</label>
            </dt>
            <dd>
              <input
                id={`${candidate.id}-link`}
                dir="ltr"
                value={edits.link}
                onChange={(event) => setEdits((current) => ({ ...current, link: event.target.value }))}
              />
            </dd>
          </div>
        )}
      </dl>
      {facts.quantities.length > 0 && !editing && (
        <p className="muted">{facts.quantities.map((q) => formatNumber(q.value)).join('، ')}</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void act('accept')}
        >
          {editing ? t('review.acceptEdited') : t('review.accept')}
        </button>
        {!editing && (facts.quantities.length > 0 || facts.date) && (
          <button type="button" className="button" disabled={busy} onClick={() => setEditing(true)}>
            {t('review.edit')}
          </button>
        )}
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => void act('reject')}
        >
          {t('review.reject')}
        </button>
      </div>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

type QueueState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: Candidate[] };

/** The review queue, for one source or for everything pending. */
function Queue({ sourceId }: { sourceId: string | null }) {
  const { t, lang, label } = useI18n();
  const [state, setState] = useState<QueueState>({ status: 'loading' });
  const [accepted, setAccepted] = useState<{ resource: string; id: string } | null>(null);
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const answer = await request<{ items: Candidate[] } | Candidate[]>(
        withQuery('/api/review/candidates', { sourceId, status: 'pending' }),
        lang,
      );
      setState({ status: 'ready', items: Array.isArray(answer) ? answer : answer.items });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && error.code === 'request.unknown_route')
        setState({ status: 'unavailable' });
      else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [sourceId, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'unavailable') return <p className="notice">{t('review.unavailable')}</p>;
  if (state.status === 'error') return <Failure message={state.message} onRetry={() => void load()} />;
  const note = accepted && (
    <p className="notice" role="status">
      {t('review.accepted')}{' '}
      <Link to={evidencePath(accepted.resource, accepted.id)} className="link" data-testid="accepted-record">
        {t('review.seeEvidence', { resource: label('resource', accepted.resource) })}
      </Link>
    </p>
  );
  if (state.items.length === 0)
    return (
      <>
        {note}
        <Empty>{t('review.queueEmpty')}</Empty>
      </>
    );
  return (
    <div className="stack" data-testid="queue">
      {note}
      {state.items.map((candidate) => (
        <CandidateCard
          key={candidate.id}
          candidate={candidate}
          onDone={(record) => {
            setAccepted(record);
            void load();
          }}
        />
      ))}
    </div>
  );
}

export default function ReviewPage() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [result, setResult] = useState<{ input: string; extraction: Extraction } | null>(null);
  const [busy, setBusy] = useState<'extract' | 'ingest' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [ingestNote, setIngestNote] = useState<string | null>(null);

  const extract = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('extract');
    setError(null);
    setSourceId(null);
    setIngestNote(null);
    try {
      const extraction = await request<Extraction>('/api/extract', lang, {
        method: 'POST',
        body: { text, ...(published ? { published } : {}) },
      });
      setResult({ input: text, extraction });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };

  // Ingesting stores the text as a source; the queue then holds the candidate facts found in it.
  const ingest = async () => {
    if (!result) return;
    setBusy('ingest');
    setError(null);
    try {
      const doc = result.extraction.document;
      const answer = await request<{ source: { id: string }; created: boolean }>('/api/sources', lang, {
        method: 'POST',
        body: {
          kind: 'news_article',
          text: result.input,
          ...(doc.title ? { title: doc.title } : {}),
          ...(doc.author ? { authorText: doc.author } : {}),
          ...(doc.published ? { published: { date: doc.published, precision: 'day' } } : {}),
        },
      });
      // A text ingested before (the demo's article) is put through the queue explicitly; facts
      // already queued stay as they are.
      if (!answer.created)
        await request(`/api/sources/${encodeURIComponent(answer.source.id)}/candidates`, lang, {
          method: 'POST',
        });
      setSourceId(answer.source.id);
      setIngestNote(answer.created ? t('review.ingested') : t('review.alreadyIngested'));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };

  const shown = result ? (result.extraction.document.text ?? result.input) : '';
  return (
    <Page title={t('review.title')} intro={t('review.intro')}>
      <div className="stack">
        <Card title={t('review.paste')}>
          <form className="form" onSubmit={extract}>
            <label className="field">
              <span className="field-label">{t('review.textLabel')}</span>
              <textarea
                value={text}
                dir="auto"
                rows={8}
                required
                data-testid="article-input"
                onChange={(event) => setText(event.target.value)}
              />
            </label>
            <label className="field field-inline">
              <span className="field-label">{t('review.published')}</span>
              <input type="date" value={published} onChange={(event) => setPublished(event.target.value)} />
            </label>
            <div className="actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={busy !== null || !text.trim()}
              >
                {busy === 'extract' ? t('review.extracting') : t('review.extract')}
              </button>
            </div>
            {error && (
              <p className="state state-error" role="alert">
                {error}
              </p>
            )}
          </form>
        </Card>
        {result && (
          <>
            <Card title={t('review.found')}>
              <dl className="facts">
                {result.extraction.document.title && (
                  <div>
                    <dt>{t('review.docTitle')}</dt>
                    <dd>
                      <Bidi>{result.extraction.document.title}</Bidi>
                    </dd>
                  </div>
                )}
                {result.extraction.document.outlet && (
                  <div>
                    <dt>{t('review.outlet')}</dt>
                    <dd>
                      <Bidi>{result.extraction.document.outlet}</Bidi>
                    </dd>
                  </div>
                )}
                {result.extraction.document.published && (
                  <div>
                    <dt>{t('review.published')}</dt>
                    <dd>{result.extraction.document.published}</dd>
                  </div>
                )}
              </dl>
              <HighlightedText text={shown} result={result.extraction} />
            </Card>
            <Card title={t('review.events')}>
              <EventList result={result.extraction} />
            </Card>
            <Card
              title={t('review.queue')}
              aside={
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  onClick={() => void ingest()}
                >
                  {busy === 'ingest' ? t('review.ingesting') : t('review.ingest')}
                </button>
              }
            >
              {ingestNote && <p className="notice">{ingestNote}</p>}
              {sourceId ? <Queue sourceId={sourceId} /> : <p className="muted">{t('review.ingestFirst')}</p>}
            </Card>
          </>
        )}
        {!result && (
          <Card title={t('review.pending')}>
            <Queue sourceId={null} />
          </Card>
        )}
      </div>
    </Page>
  );
}
