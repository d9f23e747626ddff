import type { AdminUnitView, OrganizationView } from '@tansiq/core';
import type { ReactNode } from 'react';
import type { Page } from '../api.ts';
import { useI18n } from '../i18n/context.tsx';
import { setQuery } from '../router.tsx';
import { useApi } from '../useApi.ts';

/** A select bound to a query-string parameter: filters live in the URL, so views can be shared. */
export function QuerySelect({
  name,
  label,
  value,
  options,
  allLabel,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  allLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(event) => setQuery({ [name]: event.target.value })}>
        <option value="">{allLabel ?? t('filter.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function QueryDate({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <input type="date" value={value} onChange={(event) => setQuery({ [name]: event.target.value })} />
    </label>
  );
}

export function Toolbar({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <search className="toolbar" aria-label={t('filter.label')}>
      {children}
    </search>
  );
}

/** The governorates, for filters: [{ value: id, label }]. */
export function useGovernorateOptions(key: 'id' | 'pcode' = 'id') {
  const { pick } = useI18n();
  const units = useApi<Page<AdminUnitView>>('/api/admin-units?level=1&limit=100');
  if (units.status !== 'ready') return [];
  return units.data.items.map((unit) => ({
    value: key === 'id' ? unit.id : unit.pcode,
    label: pick(unit.names)?.text ?? unit.pcode,
  }));
}

export function useOrganizationOptions() {
  const { pick } = useI18n();
  const orgs = useApi<Page<OrganizationView>>('/api/organizations?limit=500');
  if (orgs.status !== 'ready') return [];
  return orgs.data.items
    .map((org) => ({ value: org.id, label: pick(org.names)?.text ?? org.acronym ?? org.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
