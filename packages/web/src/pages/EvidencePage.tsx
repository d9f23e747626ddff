import type { ClaimStatus, ClaimView, OrganizationView, ProvenanceView } from '@tansiq/core';
import { type FormEvent, useState } from 'react';
import { type Page as ApiPage, request } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { QuoteInContext } from '../components/QuoteInContext.tsx';
import { Bidi, Localized, Quantity } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { LocalizedValue } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../useApi.ts';

const statuses: readonly ClaimStatus[] = [
  'reported',
  'corroborated',
  'confirmed',
  'disputed',
  'refuted',
  'retracted',
];
const methods = [
  'document_review',
  'cross_check',
  'field_visit',
  'official_confirmation',
  'partner_report',
  'source_correction',
  'other',
] as const;

interface AnyRecord {
  id: string;
  names?: LocalizedValue;
  titles?: LocalizedValue;
  title?: string | null;
}

/** The value a claim states, readable: a quantity, a status on a date, or the plain value. */
export function ClaimValue({ value }: { value: unknown }) {
  const { label, formatDate, formatNumber } = useI18n();
  if (typeof value === 'number') return <>{formatNumber(value)}</>;
  if (typeof value === 'string') return <Bidi>{value}</Bidi>;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.amount === 'number')
      return typeof v.unit === 'string' ? (
        <Quantity value={v.amount} unit={v.unit} approximate={v.approximate === true} />
      ) : (
        formatNumber(v.amount)
      );
    if (typeof v.status === 'string')
      return (
        <>
          {label('status', v.status)}
          {typeof v.on === 'string' && ` · ${formatDate(v.on)}`}
        </>
      );
  }
  return <code className="mono">{JSON.stringify(value)}</code>;
}

function VerifyForm({ claim, onDone }: { claim: ClaimView; onDone: () => void }) {
  const { t, label, lang } = useI18n();
  const [toStatus, setToStatus] = useState<ClaimStatus>('corroborated');
  const [method, setMethod] = useState<(typeof methods)[number]>('document_review');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request(`/api/claims/${claim.id}/verifications`, lang, {
        method: 'POST',
        body: { toStatus, method, reason: { [lang]: reason.trim() } },
      });
      setReason('');
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="verify-form" onSubmit={submit}>
      <label className="field field-inline">
        <span className="field-label">{t('evidence.verify.status')}</span>
        <select value={toStatus} onChange={(event) => setToStatus(event.target.value as ClaimStatus)}>
          {statuses
            .filter((status) => status !== claim.status)
            .map((status) => (
              <option key={status} value={status}>
                {label('claimStatus', status)}
              </option>
            ))}
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t('evidence.verify.method')}</span>
        <select
          value={method}
          onChange={(event) => setMethod(event.target.value as (typeof methods)[number])}
        >
          {methods.map((m) => (
            <option key={m} value={m}>
              {label('verificationMethod', m)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-grow">
        <span className="field-label">{t('evidence.verify.reason')}</span>
        <input value={reason} required onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" className="button" disabled={busy}>
        {t('evidence.verify.submit')}
      </button>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Claim({
  claim,
  organizations,
  onChanged,
}: {
  claim: ClaimView;
  organizations: Map<string, LocalizedValue>;
  onChanged: () => void;
}) {
  const { t, label, formatDate } = useI18n();
  const { can } = useSession();
  const claimant = claim.claimant.organizationId
    ? organizations.get(claim.claimant.organizationId)
    : undefined;
  return (
    <article className="claim" data-testid="claim" aria-label={t('evidence.claim')}>
      <header className="claim-head">
        <span className={`badge claim-${claim.status}`}>{label('claimStatus', claim.status)}</span>
        <span className="claim-field muted">{label('claimField', claim.field.replace(/\.\d+\./, '.'))}</span>
        <strong className="claim-value">
          <ClaimValue value={claim.value} />
        </strong>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('evidence.claimant')}</dt>
          <dd>{claimant ? <Localized text={claimant} /> : <span className="muted">—</span>}</dd>
        </div>
        {claim.claimedOn && (
          <div>
            <dt>{t('evidence.claimedOn')}</dt>
            <dd>{formatDate(claim.claimedOn.date, claim.claimedOn.precision)}</dd>
          </div>
        )}
        {claim.source && (
          <div>
            <dt>{t('evidence.source')}</dt>
            <dd>
              <Bidi>{claim.source.title ?? t('common.unnamed')}</Bidi>{' '}
              <span className="muted">
                ({label('sourceKind', claim.source.kind)}
                {claim.source.published &&
                  ` · ${formatDate(claim.source.published.date, claim.source.published.precision)}`}
                )
              </span>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('evidence.reporter')}</dt>
          <dd>{label('reporterRole', claim.reporterRole)}</dd>
        </div>
      </dl>
      {claim.quote && claim.source && <QuoteInContext sourceId={claim.source.id} quote={claim.quote} />}
      <h4>{t('evidence.verifications')}</h4>
      {claim.verifications.length === 0 ? (
        <Empty>{t('evidence.noVerifications')}</Empty>
      ) : (
        <ol className="history">
          {claim.verifications.map((v) => (
            <li key={v.id}>
              <time dateTime={v.verifiedAt}>{formatDate(v.verifiedAt, 'time')}</time>{' '}
              {t('evidence.transition', {
                from: label('claimStatus', v.fromStatus),
                to: label('claimStatus', v.toStatus),
              })}{' '}
              <span className="muted">
                ({label('verificationMethod', v.method)}
                {v.proposed && ` · ${t('evidence.proposed')}`})
              </span>{' '}
              <Localized text={v.reason} />
            </li>
          ))}
        </ol>
      )}
      {can('claims.propose') && claim.status !== 'retracted' && (
        <VerifyForm claim={claim} onDone={onChanged} />
      )}
    </article>
  );
}

export default function EvidencePage({ resource, id }: { resource: string; id: string }) {
  const { t, label } = useI18n();
  const base = `/api/${encodeURIComponent(resource)}/${encodeURIComponent(id)}`;
  const record = useApi<AnyRecord>(base);
  const provenance = useApi<ProvenanceView>(`${base}/provenance`);
  const orgs = useApi<ApiPage<OrganizationView>>('/api/organizations?limit=500');
  const organizations = new Map(orgs.status === 'ready' ? orgs.data.items.map((o) => [o.id, o.names]) : []);
  const title =
    record.status === 'ready'
      ? (record.data.titles ??
        record.data.names ??
        (record.data.title ? { ar: record.data.title } : undefined))
      : undefined;

  return (
    <Page
      title={t('evidence.title')}
      intro={
        <>
          {label('resource', resource)}
          {title && (
            <>
              {' · '}
              <Localized text={title} />
            </>
          )}
        </>
      }
    >
      <Async state={provenance}>
        {(data) => {
          const byId = new Map(data.claims.map((claim) => [claim.id, claim]));
          const contradicted = new Set(data.contradictions.flat());
          const standalone = data.claims.filter((claim) => !contradicted.has(claim.id));
          return (
            <div className="stack" data-testid="evidence">
              {data.contradictions.length > 0 && (
                <Card title={t('evidence.contradictions')} className="contradictions">
                  {data.contradictions.map(([a, b]) => {
                    const left = byId.get(a);
                    const right = byId.get(b);
                    if (!left || !right) return null;
                    return (
                      <div key={`${a}:${b}`} className="side-by-side" data-testid="contradiction">
                        <Claim claim={left} organizations={organizations} onChanged={provenance.reload} />
                        <Claim claim={right} organizations={organizations} onChanged={provenance.reload} />
                      </div>
                    );
                  })}
                </Card>
              )}
              <Card title={t('evidence.claims', { count: data.claims.length })}>
                {data.claims.length === 0 ? (
                  <Empty>{t('evidence.noClaims')}</Empty>
                ) : standalone.length === 0 ? (
                  <Empty>{t('evidence.allContradicted')}</Empty>
                ) : (
                  <div className="stack">
                    {standalone.map((claim) => (
                      <Claim
                        key={claim.id}
                        claim={claim}
                        organizations={organizations}
                        onChanged={provenance.reload}
                      />
                    ))}
                  </div>
                )}
              </Card>
              <Card title={t('evidence.sources')}>
                {data.sources.length === 0 ? (
                  <Empty>{t('evidence.noSources')}</Empty>
                ) : (
                  <ul className="plain-list">
                    {data.sources.map((source) => (
                      <li key={source.id}>
                        <Bidi>{source.title ?? t('common.unnamed')}</Bidi>{' '}
                        <span className="muted">({label('sourceKind', source.kind)})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          );
        }}
      </Async>
    </Page>
  );
}
