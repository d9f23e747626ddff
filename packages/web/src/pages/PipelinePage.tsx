import type { ItemView, PipelineRow } from '@tansiq/core';
import { type Page as ApiPage, withQuery } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { QueryDate, QuerySelect, Toolbar, useGovernorateOptions } from '../components/Filters.tsx';
import { Page } from '../components/Page.tsx';
import { Async } from '../components/Pending.tsx';
import { PipelineTable } from '../components/reports.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';

export default function PipelinePage() {
  const { t, pick } = useI18n();
  const { query } = useLocation();
  const adminUnitId = query.get('place') ?? '';
  const itemId = query.get('item') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const governorates = useGovernorateOptions();
  const items = useApi<ApiPage<ItemView>>('/api/items?limit=500');
  const pipeline = useApi<{ items: PipelineRow[] }>(
    withQuery('/api/reports/pipeline', { adminUnitId, itemId, from, to }),
  );
  return (
    <Page title={t('pipeline.title')} intro={t('pipeline.intro')}>
      <Toolbar>
        <QuerySelect name="place" label={t('filter.place')} value={adminUnitId} options={governorates} />
        <QuerySelect
          name="item"
          label={t('filter.item')}
          value={itemId}
          options={
            items.status === 'ready'
              ? items.data.items.map((item) => ({ value: item.id, label: pick(item.names)?.text ?? item.id }))
              : []
          }
        />
        <QueryDate name="from" label={t('filter.from')} value={from} />
        <QueryDate name="to" label={t('filter.to')} value={to} />
      </Toolbar>
      <Card title={t('dashboard.pipeline')}>
        <Async state={pipeline}>{(data) => <PipelineTable rows={data.items} />}</Async>
      </Card>
    </Page>
  );
}
