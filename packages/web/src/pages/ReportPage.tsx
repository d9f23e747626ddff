import type {
  AdminUnitView,
  ClaimedVsConfirmedReport,
  ConditionedAidReport,
  MeetingsTimelineReport,
  PipelineRow,
  ThreeWRow,
} from '@tansiq/core';
import { useMemo } from 'react';
import { type Page as ApiPage, withQuery } from '../api.ts';
import { QueryDate, QuerySelect, Toolbar, useGovernorateOptions } from '../components/Filters.tsx';
import { Async } from '../components/Pending.tsx';
import {
  ClaimedVsConfirmedList,
  ConditionedAidList,
  MeetingList,
  PipelineTable,
} from '../components/reports.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { GovernorateMap } from './MapPage.tsx';

/**
 * A situation report for a period and a place, laid out for paper: print CSS drops the navigation
 * and keeps sections whole. It prints in the language the page is in.
 */
export default function ReportPage() {
  const { t, pick, formatDate } = useI18n();
  const { query } = useLocation();
  const place = query.get('place') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const governorates = useGovernorateOptions();
  const placeName = governorates.find((g) => g.value === place)?.label;
  const pipeline = useApi<{ items: PipelineRow[] }>(
    withQuery('/api/reports/pipeline', { adminUnitId: place, from, to }),
  );
  const threeW = useApi<{ items: ThreeWRow[] }>(
    withQuery('/api/reports/3w', { governorateId: place, from, to, groupBy: 'year' }),
  );
  const units = useApi<ApiPage<AdminUnitView>>('/api/admin-units?level=1&limit=100');
  const meetings = useApi<MeetingsTimelineReport>(
    withQuery('/api/reports/meetings-timeline', { placeAdminUnitId: place, from, to, limit: 200 }),
  );
  const conditioned = useApi<ConditionedAidReport>('/api/reports/conditioned-aid');
  const claimed = useApi<ClaimedVsConfirmedReport>('/api/reports/claimed-vs-confirmed');
  const itemNames = useMemo(
    () =>
      new Map(pipeline.status === 'ready' ? pipeline.data.items.map((row) => [row.itemId, row.names]) : []),
    [pipeline],
  );
  const activities = useMemo(() => {
    const sums = new Map<string, number>();
    if (threeW.status === 'ready')
      for (const row of threeW.data.items)
        if (row.governorate)
          sums.set(row.governorate.pcode, (sums.get(row.governorate.pcode) ?? 0) + row.activities);
    return sums;
  }, [threeW]);

  const period =
    from || to
      ? t('report.period', { from: from ? formatDate(from) : '…', to: to ? formatDate(to) : '…' })
      : t('report.allTime');

  return (
    <article className="sitrep" data-testid="sitrep">
      <Toolbar>
        <QuerySelect name="place" label={t('filter.place')} value={place} options={governorates} />
        <QueryDate name="from" label={t('filter.from')} value={from} />
        <QueryDate name="to" label={t('filter.to')} value={to} />
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </Toolbar>
      <header className="sitrep-header">
        <p className="sitrep-kicker">{t('report.kicker')}</p>
        <h1 className="page-title" tabIndex={-1}>
          {t('report.title')}
        </h1>
        <p>
          {placeName ?? t('report.allPlaces')} · {period}
        </p>
        <p className="muted">
          {t('report.generated', { date: formatDate(new Date().toISOString(), 'time') })}
        </p>
      </header>
      <section className="sitrep-section">
        <h2>{t('report.figures')}</h2>
        <Async state={pipeline}>{(data) => <PipelineTable rows={data.items} />}</Async>
      </section>
      <section className="sitrep-section">
        <h2>{t('report.map')}</h2>
        <Async state={units}>
          {(page) => (
            <GovernorateMap
              units={page.items}
              values={activities}
              boundaries={new Map()}
              title={t('map.svgTitle', { figure: t('map.figure.activities') })}
            />
          )}
        </Async>
      </section>
      <section className="sitrep-section">
        <h2>{t('report.meetings')}</h2>
        <Async state={meetings}>{(data) => <MeetingList meetings={data.items} />}</Async>
      </section>
      <section className="sitrep-section">
        <h2>{t('report.conditioned')}</h2>
        <Async state={conditioned}>{(data) => <ConditionedAidList rows={data.items} />}</Async>
      </section>
      <section className="sitrep-section">
        <h2>{t('report.claimed')}</h2>
        <Async state={claimed}>
          {(data) => <ClaimedVsConfirmedList rows={data.items} itemNames={itemNames} />}
        </Async>
      </section>
      <footer className="sitrep-footer muted">
        {t('report.footer')} {pick({ ar: 'تنسيق', en: 'tansiq' })?.text}
      </footer>
    </article>
  );
}
