import type {
  ClaimedVsConfirmedReport,
  ConditionedAidReport,
  MeetingsTimelineReport,
  PipelineRow,
  ReturnsReport,
} from '@tansiq/core';
import { useEffect, useMemo } from 'react';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async } from '../components/Pending.tsx';
import {
  ClaimedVsConfirmedList,
  ConditionedAidList,
  MeetingList,
  PipelineTable,
  ReturnsTotals,
} from '../components/reports.tsx';
import { useI18n } from '../i18n/context.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../useApi.ts';

/** A performance mark set once per page load, when every figure of the dashboard is on screen. */
export const READY_MARK = 'tansiq:dashboard-ready';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Meetings starting today or later, soonest first; and the others, latest first. */
export function splitMeetings(items: MeetingsTimelineReport['items'], on: string) {
  const upcoming = items
    .filter((m) => (m.period.start ?? '') >= on)
    .sort((a, b) => (a.period.start ?? '').localeCompare(b.period.start ?? ''));
  const recent = items
    .filter((m) => (m.period.start ?? '') < on)
    .sort((a, b) => (b.period.start ?? '').localeCompare(a.period.start ?? ''));
  return { upcoming, recent };
}

export function Dashboard() {
  const { t } = useI18n();
  const pipeline = useApi<{ items: PipelineRow[] }>('/api/reports/pipeline');
  const returns = useApi<ReturnsReport>('/api/reports/returns?groupBy=year');
  const meetings = useApi<MeetingsTimelineReport>('/api/reports/meetings-timeline?limit=200');
  const conditioned = useApi<ConditionedAidReport>('/api/reports/conditioned-aid');
  const claimed = useApi<ClaimedVsConfirmedReport>('/api/reports/claimed-vs-confirmed');

  const itemNames = useMemo(
    () =>
      new Map(pipeline.status === 'ready' ? pipeline.data.items.map((row) => [row.itemId, row.names]) : []),
    [pipeline],
  );
  const states = [pipeline, returns, meetings, conditioned, claimed];
  // Lets a browser test (and the bench) know when every figure is on screen.
  const ready = states.every((s) => s.status !== 'loading');
  // The moment the dashboard became usable, for the benchmark (bench/web.ts) to read.
  useEffect(() => {
    if (ready && performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  }, [ready]);

  return (
    <Page
      title={t('dashboard.title')}
      intro={t('dashboard.intro')}
      actions={
        <Link to="/report" className="button">
          {t('dashboard.printable')}
        </Link>
      }
    >
      <div className="dashboard" data-testid="dashboard" data-ready={ready ? 'true' : 'false'}>
        <Card title={t('dashboard.pipeline')} className="span-2" testId="card-pipeline">
          <Async state={pipeline}>{(data) => <PipelineTable rows={data.items} />}</Async>
        </Card>
        <Card title={t('dashboard.claimed')} className="span-2" testId="card-claimed">
          <Async state={claimed}>
            {(data) => <ClaimedVsConfirmedList rows={data.items} itemNames={itemNames} />}
          </Async>
        </Card>
        <Card title={t('dashboard.upcoming')} testId="card-upcoming">
          <Async state={meetings}>
            {(data) => <MeetingList meetings={splitMeetings(data.items, today()).upcoming} compact />}
          </Async>
        </Card>
        <Card title={t('dashboard.recent')} testId="card-recent">
          <Async state={meetings}>
            {(data) => (
              <MeetingList meetings={splitMeetings(data.items, today()).recent.slice(0, 5)} compact />
            )}
          </Async>
        </Card>
        <Card title={t('dashboard.conditioned')} testId="card-conditioned">
          <Async state={conditioned}>{(data) => <ConditionedAidList rows={data.items} />}</Async>
        </Card>
        <Card title={t('dashboard.returns')} testId="card-returns">
          <Async state={returns}>{(data) => <ReturnsTotals totals={data.totals} />}</Async>
        </Card>
      </div>
    </Page>
  );
}
