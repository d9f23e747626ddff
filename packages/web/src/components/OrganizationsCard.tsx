import type { Organization, Page } from '../api.ts';
import { useI18n } from '../i18n/context.tsx';
import { countryName, dirOf, isMessageKey, type Lang } from '../i18n/index.ts';
import { useApi } from '../useApi.ts';
import { Card } from './Card.tsx';
import { Failure, Loading } from './Pending.tsx';

const LIMIT = 20;

/** The name in `lang`, else in the other language, tagged with the language it is actually in. */
function pickName(org: Organization, lang: Lang): { text: string; lang: Lang } | null {
  const other: Lang = lang === 'ar' ? 'en' : 'ar';
  for (const candidate of [lang, other]) {
    const text = org.names[candidate]?.trim();
    if (text) return { text, lang: candidate };
  }
  return null;
}

function OrganizationRow({ org }: { org: Organization }) {
  const { lang, t } = useI18n();
  const name = pickName(org, lang);
  const kindKey = `kind.${org.kind}`;
  return (
    <li className="org">
      <div className="org-name">
        {name ? (
          <span lang={name.lang} dir={dirOf(name.lang)}>
            {name.text}
          </span>
        ) : (
          <span className="muted">{t('orgs.unnamed')}</span>
        )}
        {org.acronym && (
          <bdi className="org-acronym" title={t('orgs.acronym')}>
            {org.acronym}
          </bdi>
        )}
      </div>
      <div className="org-meta">
        <span className="tag" title={t('orgs.kind')}>
          {isMessageKey(kindKey) ? t(kindKey) : org.kind}
        </span>
        {org.country && (
          <span className="tag tag-quiet" title={t('orgs.country')}>
            {countryName(lang, org.country)}
          </span>
        )}
      </div>
    </li>
  );
}

export function OrganizationsCard() {
  const { t } = useI18n();
  const orgs = useApi<Page<Organization>>(`/api/organizations?limit=${LIMIT}`);

  const count =
    orgs.status === 'ready' && orgs.data.total > 0 ? (
      <span className="muted">
        {t('orgs.count', { shown: orgs.data.items.length, total: orgs.data.total })}
      </span>
    ) : undefined;

  return (
    <Card title={t('orgs.title')} aside={count}>
      {orgs.status === 'loading' && <Loading label={t('orgs.loading')} />}
      {orgs.status === 'error' && (
        <Failure title={t('orgs.failed')} message={orgs.message} onRetry={orgs.reload} />
      )}
      {orgs.status === 'ready' &&
        (orgs.data.items.length === 0 ? (
          <p className="state muted">{t('orgs.empty')}</p>
        ) : (
          <ul className="org-list">
            {orgs.data.items.map((org) => (
              <OrganizationRow key={org.id} org={org} />
            ))}
          </ul>
        ))}
    </Card>
  );
}
