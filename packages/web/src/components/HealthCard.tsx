import type { Health } from '../api.ts';
import { useI18n } from '../i18n/context.tsx';
import { useApi } from '../useApi.ts';
import { Card } from './Card.tsx';
import { Failure, Loading } from './Pending.tsx';

// A degraded server answers 503 with a regular health body.
const HEALTH_OPTIONS = { acceptStatuses: [503] } as const;

export function HealthCard() {
  const { t } = useI18n();
  const health = useApi<Health>('/api/health', HEALTH_OPTIONS);

  return (
    <Card title={t('health.title')}>
      {health.status === 'loading' && <Loading label={t('health.loading')} />}
      {health.status === 'error' && (
        <Failure title={t('health.failed')} message={health.message} onRetry={health.reload} />
      )}
      {health.status === 'ready' && (
        <dl className="facts">
          <div>
            <dt>{t('health.status')}</dt>
            <dd>
              <span className={`badge badge-${health.data.status === 'ok' ? 'ok' : 'warn'}`}>
                {t(health.data.status === 'ok' ? 'health.status.ok' : 'health.status.degraded')}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('health.database')}</dt>
            <dd>
              <span className={`badge badge-${health.data.database === 'ok' ? 'ok' : 'error'}`}>
                {t(health.data.database === 'ok' ? 'health.database.ok' : 'health.database.unreachable')}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('health.version')}</dt>
            <dd>
              <bdi className="mono" dir="ltr">
                {health.data.version}
              </bdi>
            </dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
