import { type FormEvent, useState } from 'react';
import { ApiError, currentCsrfToken } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Failure, Loading } from '../components/Pending.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useApi } from '../useApi.ts';

const kinds = [
  'organizations',
  'admin-units',
  'sites',
  'items',
  'pledges',
  'shipments',
  'distributions',
  'population-movements',
  'meetings',
  'agreements',
] as const;

/** A row's problem, as POST /api/imports reports it (line in the file, its column and field). */
interface RowError {
  line: number;
  column: string | null;
  header: string | null;
  field: string | null;
  message: string;
}
interface ImportReport {
  dryRun?: boolean;
  rows?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  errors?: RowError[];
  columns?: { column: string; header: string | null; field: string }[];
}

/**
 * Spreadsheet imports (api.md: POST /api/imports, multipart). The route comes with the exchange
 * work (issue 7); until the server offers it, the page says so instead of failing on submit.
 */
export default function ImportsPage() {
  const { t, label, lang, formatNumber } = useI18n();
  // The server's own API description tells whether it offers imports yet.
  const probe = useApi<{ paths?: Record<string, unknown> }>('/api/openapi.json');
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<(typeof kinds)[number]>('organizations');
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (probe.status === 'loading') return <Loading />;
  const unavailable = probe.status === 'ready' && !probe.data.paths?.['/api/imports'];

  const post = (url: string, withDryRun: boolean) => {
    const body = new FormData();
    body.set('kind', kind);
    if (withDryRun) body.set('dryRun', String(dryRun));
    body.set('file', file as File);
    const csrf = currentCsrfToken();
    return fetch(url, {
      method: 'POST',
      body,
      headers: { 'Accept-Language': lang, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const response = await post('/api/imports', true);
      const answer = (await response.json()) as ImportReport & {
        error?: { code: string; message: string; details?: { errors?: RowError[] } };
      };
      if (answer.error) {
        // A refused import still says which rows to fix.
        const errors = answer.error.details?.errors;
        if (answer.error.code === 'import.rows_invalid' && errors) setReport({ dryRun: false, errors });
        throw new ApiError(answer.error.message, response.status);
      }
      setReport(answer);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  /** The file back as XLSX with each row's errors in a first column, saved by the browser. */
  const downloadAnnotated = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const response = await post('/api/imports/annotated', false);
      if (!response.ok) {
        const answer = (await response.json()) as { error?: { message: string } };
        throw new ApiError(answer.error?.message ?? response.statusText, response.status);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${file.name.replace(/\.[^.]*$/, '') || 'import'}-errors.xlsx`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('imports.title')} intro={t('imports.intro')}>
      {unavailable ? (
        <p className="notice" data-testid="imports-unavailable">
          {t('imports.unavailable')}
        </p>
      ) : probe.status === 'error' ? (
        <Failure message={probe.message} onRetry={probe.reload} />
      ) : (
        <div className="stack">
          <Card title={t('imports.upload')}>
            <form className="form" onSubmit={submit}>
              <label className="field">
                <span className="field-label">{t('imports.file')}</span>
                <input
                  type="file"
                  accept=".csv,.xlsx,.json"
                  required
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              </label>
              <label className="field field-inline">
                <span className="field-label">{t('imports.kind')}</span>
                <select
                  value={kind}
                  onChange={(event) => setKind(event.target.value as (typeof kinds)[number])}
                >
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {label('resource', k)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={dryRun}
                  onChange={(event) => setDryRun(event.target.checked)}
                />
                {t('imports.dryRun')}
              </label>
              <div className="actions">
                <button type="submit" className="button button-primary" disabled={busy || !file}>
                  {t('imports.submit')}
                </button>
              </div>
              {error && (
                <p className="state state-error" role="alert">
                  {error}
                </p>
              )}
            </form>
          </Card>
          {report && (
            <Card title={report.dryRun ? t('imports.plan') : t('imports.result')}>
              <dl className="facts">
                <div>
                  <dt>{t('imports.created')}</dt>
                  <dd>{formatNumber(report.created ?? 0)}</dd>
                </div>
                <div>
                  <dt>{t('imports.updated')}</dt>
                  <dd>{formatNumber(report.updated ?? 0)}</dd>
                </div>
                <div>
                  <dt>{t('imports.skipped')}</dt>
                  <dd>{formatNumber(report.unchanged ?? 0)}</dd>
                </div>
              </dl>
              {(report.errors?.length ?? 0) > 0 && (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('imports.row')}</th>
                      <th scope="col">{t('imports.field')}</th>
                      <th scope="col">{t('imports.error')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors?.map((rowError) => (
                      <tr key={`${rowError.line}:${rowError.column ?? ''}:${rowError.field ?? ''}`}>
                        <td className="num">{formatNumber(rowError.line)}</td>
                        <td>
                          <bdi>{rowError.header ?? rowError.field ?? rowError.column ?? ''}</bdi>
                        </td>
                        <td>{rowError.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {(report.errors?.length ?? 0) > 0 && file && (
                <div className="actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={downloadAnnotated}
                    data-testid="imports-annotated"
                  >
                    {t('imports.annotated')}
                  </button>
                </div>
              )}
            </Card>
          )}
        </div>
      )}
    </Page>
  );
}
