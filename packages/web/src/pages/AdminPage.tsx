import type { AuditPage, OrganizationView, Role, UserView } from '@tansiq/core';
import { roles } from '@tansiq/core/access';
import { type FormEvent, useState } from 'react';
import { type Page as ApiPage, request } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { useOrganizationOptions } from '../components/Filters.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { Localized } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useApi } from '../useApi.ts';

function NewUser({ onCreated }: { onCreated: () => void }) {
  const { t, label, lang } = useI18n();
  const organizations = useOrganizationOptions();
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await request('/api/users', lang, {
        method: 'POST',
        body: { email: email.trim(), organizationId, roles: [role], password },
      });
      setEmail('');
      setPassword('');
      onCreated();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form className="form form-grid" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{t('admin.email')}</span>
        <input
          type="email"
          dir="ltr"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('admin.organization')}</span>
        <select required value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
          <option value="">{t('admin.choose')}</option>
          {organizations.map((org) => (
            <option key={org.value} value={org.value}>
              {org.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('admin.role')}</span>
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {label('role', r)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('admin.password')}</span>
        <input
          type="password"
          dir="ltr"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('admin.createUser')}
        </button>
      </div>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Users and their roles, and the audit log; for administrators. */
export default function AdminPage() {
  const { t, label, formatDate } = useI18n();
  const users = useApi<ApiPage<UserView>>('/api/users?limit=500');
  const orgs = useApi<ApiPage<OrganizationView>>('/api/organizations?limit=500');
  const audit = useApi<AuditPage>('/api/audit?limit=20');
  const orgNames = new Map(orgs.status === 'ready' ? orgs.data.items.map((o) => [o.id, o.names]) : []);
  return (
    <Page title={t('admin.title')}>
      <div className="stack">
        <Card title={t('admin.users')}>
          <Async state={users}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('admin.noUsers')}</Empty>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="users-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.email')}</th>
                        <th scope="col">{t('admin.organization')}</th>
                        <th scope="col">{t('admin.role')}</th>
                        <th scope="col">{t('admin.state')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((user) => (
                        <tr key={user.id}>
                          <td>
                            <bdi>{user.email}</bdi>
                          </td>
                          <td>
                            <Localized text={orgNames.get(user.organizationId)} />
                          </td>
                          <td>{user.roles.map((role) => label('role', role)).join('، ')}</td>
                          <td>{user.disabled ? t('admin.disabled') : t('admin.active')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </Async>
          <h3>{t('admin.newUser')}</h3>
          <NewUser onCreated={users.reload} />
        </Card>
        <Card title={t('admin.audit')}>
          <Async state={audit}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('admin.noAudit')}</Empty>
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.when')}</th>
                        <th scope="col">{t('admin.who')}</th>
                        <th scope="col">{t('admin.what')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((entry) => (
                        <tr key={entry.seq}>
                          <td>{formatDate(entry.at, 'time')}</td>
                          <td>
                            <bdi>{entry.actor}</bdi>
                          </td>
                          <td>
                            <bdi className="mono">
                              {entry.operation} {entry.table}
                            </bdi>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </Async>
        </Card>
      </div>
    </Page>
  );
}
