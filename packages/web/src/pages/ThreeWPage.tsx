import type { ThreeWRow } from '@tansiq/core';
import { withQuery } from '../api.ts';
import { Card } from '../components/Card.tsx';
import {
  QueryDate,
  QuerySelect,
  Toolbar,
  useGovernorateOptions,
  useOrganizationOptions,
} from '../components/Filters.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { Localized } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { pickText } from '../i18n/index.ts';
import { download, toCsv } from '../lib/csv.ts';
import { useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';

const groupings = ['month', 'quarter', 'year'] as const;

/** Who does what where (and when): organizations × sectors × governorates, as the 3W report gives. */
export default function ThreeWPage() {
  const { t, label, lang, formatNumber, formatDate } = useI18n();
  const { query } = useLocation();
  const organizationId = query.get('organization') ?? '';
  const governorateId = query.get('place') ?? '';
  const sector = query.get('sector') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const groupBy = groupings.find((g) => g === query.get('groupBy')) ?? 'month';
  const organizations = useOrganizationOptions();
  const governorates = useGovernorateOptions();
  const report = useApi<{ items: ThreeWRow[] }>(
    withQuery('/api/reports/3w', { organizationId, governorateId, sector, from, to, groupBy }),
  );
  const sectors = report.status === 'ready' ? [...new Set(report.data.items.map((row) => row.sector))] : [];
  const periodPrecision = groupBy === 'year' ? 'year' : 'month';

  const exportCsv = (rows: ThreeWRow[]) => {
    const name = (text: { ar?: string; en?: string } | Record<string, never> | undefined) =>
      pickText(text as { ar?: string; en?: string }, lang)?.text ?? '';
    download(
      `tansiq-3w-${groupBy}.csv`,
      toCsv([
        [
          t('threeW.organization'),
          t('threeW.sector'),
          t('threeW.governorate'),
          t('threeW.period'),
          t('threeW.status'),
          t('threeW.activities'),
          t('threeW.items'),
          t('threeW.individuals'),
        ],
        ...rows.map((row) => [
          name(row.organization?.names),
          label('sector', row.sector),
          row.governorate ? name(row.governorate.names) : '',
          row.period,
          label('threeWStatus', row.status),
          row.activities,
          row.items,
          row.individuals,
        ]),
      ]),
    );
  };

  return (
    <Page title={t('threeW.title')} intro={t('threeW.intro')}>
      <Toolbar>
        <QuerySelect
          name="organization"
          label={t('filter.organization')}
          value={organizationId}
          options={organizations}
        />
        <QuerySelect
          name="sector"
          label={t('filter.sector')}
          value={sector}
          options={sectors.map((s) => ({ value: s, label: label('sector', s) }))}
        />
        <QuerySelect name="place" label={t('filter.place')} value={governorateId} options={governorates} />
        <QueryDate name="from" label={t('filter.from')} value={from} />
        <QueryDate name="to" label={t('filter.to')} value={to} />
        <QuerySelect
          name="groupBy"
          label={t('filter.groupBy')}
          value={groupBy === 'month' ? '' : groupBy}
          allLabel={label('grouping', 'month')}
          options={groupings.slice(1).map((g) => ({ value: g, label: label('grouping', g) }))}
        />
      </Toolbar>
      <Card
        title={t('threeW.matrix')}
        aside={
          report.status === 'ready' && report.data.items.length > 0 ? (
            <button type="button" className="button" onClick={() => exportCsv(report.data.items)}>
              {t('common.exportCsv')}
            </button>
          ) : undefined
        }
      >
        <Async state={report}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('threeW.empty')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="threew-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('threeW.organization')}</th>
                      <th scope="col">{t('threeW.sector')}</th>
                      <th scope="col">{t('threeW.governorate')}</th>
                      <th scope="col">{t('threeW.period')}</th>
                      <th scope="col">{t('threeW.status')}</th>
                      <th scope="col" className="num">
                        {t('threeW.activities')}
                      </th>
                      <th scope="col" className="num">
                        {t('threeW.items')}
                      </th>
                      <th scope="col" className="num">
                        {t('threeW.individuals')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((row, index) => (
                      // Rows have no id of their own: their position in the report is stable.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <tr key={index}>
                        <th scope="row">
                          {row.organization ? (
                            <Localized text={row.organization.names} />
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </th>
                        <td>{label('sector', row.sector)}</td>
                        <td>
                          {row.governorate ? (
                            <Localized text={row.governorate.names} />
                          ) : (
                            <span className="muted">{t('threeW.noGovernorate')}</span>
                          )}
                        </td>
                        <td>{formatDate(row.period, periodPrecision)}</td>
                        <td>{label('threeWStatus', row.status)}</td>
                        <td className="num">{formatNumber(row.activities)}</td>
                        <td className="num">{formatNumber(row.items)}</td>
                        <td className="num">{formatNumber(row.individuals)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Async>
      </Card>
    </Page>
  );
}
