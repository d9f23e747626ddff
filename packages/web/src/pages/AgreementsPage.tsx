import type { AgreementView, ConditionedAidReport } from '@tansiq/core';
import type { Page as ApiPage } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { ConditionedAidList, evidencePath } from '../components/reports.tsx';
import { Localized } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../useApi.ts';

function Agreement({ agreement, aid }: { agreement: AgreementView; aid: ConditionedAidReport['items'] }) {
  const { t, label, formatDate, formatNumber, formatPeriod, pick } = useI18n();
  return (
    <Card
      title={pick(agreement.titles)?.text ?? t('common.unnamed')}
      aside={
        <span className="card-aside">
          <span className="tag">{label('agreementStatus', agreement.status)}</span>
          <Link to={evidencePath('agreements', agreement.id)} className="link">
            {t('evidence.link')}
          </Link>
        </span>
      }
      className="agreement"
    >
      <dl className="facts">
        <div>
          <dt>{t('agreements.type')}</dt>
          <dd>{label('agreementType', agreement.type)}</dd>
        </div>
        <div>
          <dt>{t('agreements.instruments')}</dt>
          <dd>{formatNumber(agreement.instrumentCount)}</dd>
        </div>
        {agreement.domains.length > 0 && (
          <div>
            <dt>{t('agreements.domains')}</dt>
            <dd>{agreement.domains.map((d) => label('domain', d)).join('، ')}</dd>
          </div>
        )}
        {agreement.effectivePeriod && (
          <div>
            <dt>{t('agreements.effective')}</dt>
            <dd>{formatPeriod(agreement.effectivePeriod)}</dd>
          </div>
        )}
        <div>
          <dt>{t('agreements.parties')}</dt>
          <dd>
            <ul className="inline-list">
              {agreement.parties.map((party) => (
                <li key={`${party.organizationId}:${party.role}`}>
                  <Localized text={party.names} />{' '}
                  <span className="muted">({label('partyRole', party.role)})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <h4>{t('agreements.history')}</h4>
      <ol className="history">
        {agreement.statusHistory.map((event) => (
          <li key={event.id}>
            <time dateTime={event.occurredOn}>{formatDate(event.occurredOn, event.precision)}</time>{' '}
            {label('agreementStatus', event.status)}
          </li>
        ))}
      </ol>
      <h4>{t('agreements.conditions')}</h4>
      {agreement.conditions.length === 0 ? (
        <Empty>{t('agreements.noConditions')}</Empty>
      ) : (
        <ul className="conditions">
          {agreement.conditions.map((condition) => (
            <li key={condition.id}>
              <span className={`badge badge-${condition.state === 'met' ? 'ok' : 'warn'}`}>
                {label('conditionState', condition.state)}
              </span>{' '}
              <span className="tag tag-quiet">{label('conditionType', condition.type)}</span>{' '}
              <Localized text={condition.texts} />
            </li>
          ))}
        </ul>
      )}
      <h4>{t('agreements.aid')}</h4>
      <ConditionedAidList rows={aid} />
    </Card>
  );
}

export default function AgreementsPage() {
  const { t } = useI18n();
  const agreements = useApi<ApiPage<AgreementView>>('/api/agreements?limit=200');
  const conditioned = useApi<ConditionedAidReport>('/api/reports/conditioned-aid');
  return (
    <Page title={t('agreements.title')} intro={t('agreements.intro')}>
      <Async state={agreements}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('agreements.empty')}</Empty>
          ) : (
            <div className="stack">
              {page.items.map((agreement) => (
                <Agreement
                  key={agreement.id}
                  agreement={agreement}
                  aid={
                    conditioned.status === 'ready'
                      ? conditioned.data.items.filter((row) => row.agreement.id === agreement.id)
                      : []
                  }
                />
              ))}
            </div>
          )
        }
      </Async>
    </Page>
  );
}
