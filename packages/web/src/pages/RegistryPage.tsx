import type { AdminUnitView, ItemView, OrganizationView, SiteView } from '@tansiq/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { type Page as ApiPage, withQuery } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { evidencePath } from '../components/reports.tsx';
import { Localized } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { countryName, type MessageKey } from '../i18n/index.ts';
import { Link, setQuery, useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';

const tabs = ['organizations', 'admin-units', 'sites', 'items'] as const;
type Tab = (typeof tabs)[number];

interface Column<T> {
  header: MessageKey;
  cell: (row: T) => ReactNode;
}

function useColumns(): { [K in Tab]: Column<never>[] } {
  const { label, lang } = useI18n();
  const name = <T extends { names: OrganizationView['names']; id: string }>(resource: Tab): Column<T> => ({
    header: 'registry.name',
    cell: (row) => (
      <Link to={evidencePath(resource, row.id)} className="link">
        <Localized text={row.names} />
      </Link>
    ),
  });
  const organizations: Column<OrganizationView>[] = [
    name('organizations'),
    { header: 'registry.acronym', cell: (row) => <bdi>{row.acronym ?? ''}</bdi> },
    { header: 'registry.kind', cell: (row) => label('kind', row.kind) },
    { header: 'registry.country', cell: (row) => (row.country ? countryName(lang, row.country) : '') },
  ];
  const units: Column<AdminUnitView>[] = [
    name('admin-units'),
    { header: 'registry.pcode', cell: (row) => <bdi className="mono">{row.pcode}</bdi> },
    { header: 'registry.level', cell: (row) => label('adminLevel', String(row.level)) },
  ];
  const sites: Column<SiteView>[] = [
    name('sites'),
    { header: 'registry.siteType', cell: (row) => label('siteType', row.type) },
    { header: 'registry.status', cell: (row) => label('status', row.status) },
  ];
  const items: Column<ItemView>[] = [
    name('items'),
    { header: 'registry.sector', cell: (row) => label('sector', row.sector) },
    { header: 'registry.baseUnit', cell: (row) => label('unit', row.baseUnit) },
  ];
  return {
    organizations: organizations as Column<never>[],
    'admin-units': units as Column<never>[],
    sites: sites as Column<never>[],
    items: items as Column<never>[],
  };
}

/** The reference registry: organizations, places, sites and items, searchable in both languages. */
export default function RegistryPage() {
  const { t, label, formatNumber } = useI18n();
  const { query } = useLocation();
  const tab: Tab = tabs.find((candidate) => candidate === query.get('tab')) ?? 'organizations';
  const q = query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const list = useApi<ApiPage<{ id: string }>>(withQuery(`/api/${tab}`, { q, limit: 100 }));
  const columns = useColumns()[tab] as Column<{ id: string }>[];

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: draft.trim() });
  };

  return (
    <Page title={t('registry.title')} intro={t('registry.intro')}>
      <div className="tabs" role="tablist" aria-label={t('registry.title')}>
        {tabs.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={candidate === tab}
            className="tab"
            onClick={() => setQuery({ tab: candidate, q: null })}
          >
            {label('registry.tab', candidate)}
          </button>
        ))}
      </div>
      <search>
        <form className="toolbar" onSubmit={search}>
          <label className="field field-inline">
            <span className="field-label">{t('registry.search')}</span>
            <input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
          </label>
          <button type="submit" className="button">
            {t('common.search')}
          </button>
        </form>
      </search>
      <Card
        title={label('registry.tab', tab)}
        aside={
          list.status === 'ready' ? (
            <span className="muted">
              {t('registry.count', { shown: formatNumber(list.data.items.length), total: list.data.total })}
            </span>
          ) : undefined
        }
      >
        <Async state={list}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('registry.empty')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th key={column.header} scope="col">
                          {t(column.header)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((row) => (
                      <tr key={row.id}>
                        {columns.map((column) => (
                          <td key={column.header}>{column.cell(row)}</td>
                        ))}
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
