import type { ClaimView, SourceView } from '@tansiq/core';
import type { Page as ApiPage } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { evidencePath } from '../components/reports.tsx';
import { Bidi } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { ClaimValue } from './EvidencePage.tsx';

/** Every record that sources say something about, and the sources themselves. */
export default function EvidenceIndex() {
  const { t, label, formatDate, formatNumber } = useI18n();
  const claims = useApi<ApiPage<ClaimView>>('/api/claims?limit=500');
  const sources = useApi<ApiPage<SourceView>>('/api/sources?limit=100');
  return (
    <Page title={t('evidenceIndex.title')} intro={t('evidenceIndex.intro')}>
      <div className="stack">
        <Card title={t('evidenceIndex.subjects')}>
          <Async state={claims}>
            {(page) => {
              if (page.items.length === 0) return <Empty>{t('evidence.noClaims')}</Empty>;
              const subjects = new Map<string, ClaimView[]>();
              for (const claim of page.items) {
                const key = `${claim.subject.resource}/${claim.subject.id}`;
                subjects.set(key, [...(subjects.get(key) ?? []), claim]);
              }
              return (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('evidenceIndex.record')}</th>
                        <th scope="col">{t('evidenceIndex.claims')}</th>
                        <th scope="col" className="num">
                          {t('evidenceIndex.contradictions')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...subjects].map(([key, list]) => {
                        const first = list[0];
                        if (!first) return null;
                        const contradictions = list.filter((c) => c.contradictionIds.length > 0).length;
                        return (
                          <tr key={key}>
                            <th scope="row">
                              <Link
                                to={evidencePath(first.subject.resource, first.subject.id)}
                                className="link"
                              >
                                {label('resource', first.subject.resource)}{' '}
                                <bdi className="mono muted">{first.subject.id.slice(0, 8)}</bdi>
                              </Link>
                            </th>
                            <td>
                              <ul className="plain-list">
                                {list.slice(0, 4).map((claim) => (
                                  <li key={claim.id}>
                                    <span className="muted">
                                      {label('claimField', claim.field.replace(/\.\d+\./, '.'))}:
                                    </span>{' '}
                                    <ClaimValue value={claim.value} />
                                  </li>
                                ))}
                              </ul>
                            </td>
                            <td className={`num ${contradictions > 0 ? 'differs' : ''}`}>
                              {formatNumber(contradictions)}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              );
            }}
          </Async>
        </Card>
        <Card title={t('evidence.sources')}>
          <Async state={sources}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('evidence.noSources')}</Empty>
              ) : (
                <ul className="plain-list">
                  {page.items.map((source) => (
                    <li key={source.id}>
                      <Bidi>{source.title ?? t('common.unnamed')}</Bidi>{' '}
                      <span className="muted">
                        ({label('sourceKind', source.kind)}
                        {source.published &&
                          ` · ${formatDate(source.published.date, source.published.precision)}`}
                        )
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Async>
        </Card>
      </div>
    </Page>
  );
}
