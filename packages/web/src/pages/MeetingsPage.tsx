import type { MeetingsTimelineReport } from '@tansiq/core';
import { withQuery } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { QueryDate, QuerySelect, Toolbar, useGovernorateOptions } from '../components/Filters.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { MeetingList } from '../components/reports.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';

/** Meetings on a timeline, year by year, with who attended, who was invited and who boycotted. */
export default function MeetingsPage() {
  const { t, formatNumber } = useI18n();
  const { query } = useLocation();
  const placeAdminUnitId = query.get('place') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const governorates = useGovernorateOptions();
  const timeline = useApi<MeetingsTimelineReport>(
    withQuery('/api/reports/meetings-timeline', { placeAdminUnitId, from, to, limit: 500 }),
  );
  return (
    <Page title={t('meetings.title')} intro={t('meetings.intro')}>
      <Toolbar>
        <QuerySelect name="place" label={t('filter.place')} value={placeAdminUnitId} options={governorates} />
        <QueryDate name="from" label={t('filter.from')} value={from} />
        <QueryDate name="to" label={t('filter.to')} value={to} />
      </Toolbar>
      <Async state={timeline}>
        {(data) => {
          if (data.items.length === 0) return <Empty>{t('meetings.none')}</Empty>;
          const byYear = new Map<string, typeof data.items>();
          for (const meeting of [...data.items].sort((a, b) =>
            (a.period.start ?? '').localeCompare(b.period.start ?? ''),
          )) {
            const year = meeting.period.start?.slice(0, 4) ?? '—';
            byYear.set(year, [...(byYear.get(year) ?? []), meeting]);
          }
          return (
            <div className="timeline">
              {[...byYear].map(([year, meetings]) => (
                <Card
                  key={year}
                  title={
                    year === '—' ? t('meetings.undated') : formatNumber(Number(year)).replaceAll(/[,٬]/g, '')
                  }
                  aside={<span className="muted">{t('meetings.count', { count: meetings.length })}</span>}
                >
                  <MeetingList meetings={meetings} />
                </Card>
              ))}
              {data.truncated && <p className="muted">{t('meetings.truncated')}</p>}
            </div>
          );
        }}
      </Async>
    </Page>
  );
}
