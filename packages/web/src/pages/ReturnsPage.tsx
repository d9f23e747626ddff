import type { ReturnsReport } from '@tansiq/core';
import { withQuery } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { QueryDate, QuerySelect, Toolbar, useGovernorateOptions } from '../components/Filters.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { ReturnsTotals } from '../components/reports.tsx';
import { Localized } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';

const groupings = ['month', 'quarter', 'year'] as const;

/** Refugee and IDP returns by period and destination, never adding up different counting methods. */
export default function ReturnsPage() {
  const { t, label, formatNumber } = useI18n();
  const { query } = useLocation();
  const governorate = query.get('place') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const groupBy = groupings.find((g) => g === query.get('groupBy')) ?? 'month';
  const governorates = useGovernorateOptions();
  const report = useApi<ReturnsReport>(withQuery('/api/reports/returns', { governorate, from, to, groupBy }));
  return (
    <Page title={t('returns.title')} intro={t('returns.intro')}>
      <Toolbar>
        <QuerySelect name="place" label={t('filter.place')} value={governorate} options={governorates} />
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
      <Async state={report}>
        {(data) => (
          <div className="stack">
            <Card title={t('returns.totals')}>
              <ReturnsTotals totals={data.totals} />
            </Card>
            <Card title={t('returns.byPeriod')}>
              {data.rows.length === 0 ? (
                <Empty>{t('returns.empty')}</Empty>
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('returns.period')}</th>
                        <th scope="col">{t('returns.governorate')}</th>
                        <th scope="col">{t('returns.group')}</th>
                        <th scope="col">{t('returns.method')}</th>
                        <th scope="col" className="num">
                          {t('returns.individuals')}
                        </th>
                        <th scope="col" className="num">
                          {t('returns.households')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.rows.map((row) => (
                        <tr
                          key={`${row.period.start}:${row.governorate?.id ?? ''}:${row.populationGroup}:${row.countingMethod ?? ''}`}
                        >
                          <td>
                            <bdi>{row.period.label}</bdi>
                          </td>
                          <td>
                            {row.governorate ? (
                              <Localized text={row.governorate.names} />
                            ) : (
                              t('returns.noGovernorate')
                            )}
                          </td>
                          <td>{label('populationGroup', row.populationGroup)}</td>
                          <td>{row.countingMethods.map((m) => label('countingMethod', m)).join('، ')}</td>
                          <td className="num">
                            {row.individuals === null ? '—' : formatNumber(row.individuals)}
                          </td>
                          <td className="num">
                            {row.households === null ? '—' : formatNumber(row.households)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
            {data.countingMethods.length > 1 && !data.methodsCombined && (
              <p className="notice">{t('returns.methodsApart')}</p>
            )}
          </div>
        )}
      </Async>
    </Page>
  );
}
