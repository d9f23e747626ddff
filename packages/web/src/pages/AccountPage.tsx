import type { CreatedToken, TokenView } from '@tansiq/core';
import { type FormEvent, useState } from 'react';
import { type Page as ApiPage, request } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../useApi.ts';

/** API tokens for scripts and partners' systems: created here, shown once, revoked here. */
export function TokensCard({ userId }: { userId?: string }) {
  const { t, lang, formatDate } = useI18n();
  const tokens = useApi<ApiPage<TokenView>>(userId ? `/api/tokens?userId=${userId}` : '/api/tokens');
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setCreated(
        await request<CreatedToken>('/api/tokens', lang, {
          method: 'POST',
          body: { name: name.trim() || null, expiresInDays: days },
        }),
      );
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await request(`/api/tokens/${id}`, lang, { method: 'DELETE' });
      tokens.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Card title={t('tokens.title')}>
      <form className="toolbar" onSubmit={create}>
        <label className="field field-inline">
          <span className="field-label">{t('tokens.name')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field field-inline">
          <span className="field-label">{t('tokens.days')}</span>
          <input
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
          />
        </label>
        <button type="submit" className="button">
          {t('tokens.create')}
        </button>
      </form>
      {created && (
        <div className="notice" role="status">
          <p>{t('tokens.createdOnce')}</p>
          <code className="mono token" dir="ltr">
            {created.token}
          </code>
        </div>
      )}
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      <Async state={tokens}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('tokens.empty')}</Empty>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('tokens.created')}</th>
                  <th scope="col">{t('tokens.expires')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('tokens.revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((token) => (
                  <tr key={token.id}>
                    <td>
                      <bdi>{token.name ?? '—'}</bdi>
                    </td>
                    <td>{formatDate(token.createdAt, 'time')}</td>
                    <td>{token.expiresAt ? formatDate(token.expiresAt, 'time') : t('tokens.never')}</td>
                    <td>{token.lastUsedAt ? formatDate(token.lastUsedAt, 'time') : '—'}</td>
                    <td>
                      {token.revokedAt ? (
                        <span className="muted">{t('tokens.revoked')}</span>
                      ) : (
                        <button
                          type="button"
                          className="button button-danger"
                          onClick={() => void revoke(token.id)}
                        >
                          {t('tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Async>
    </Card>
  );
}

export default function AccountPage() {
  const { t, label } = useI18n();
  const session = useSession();
  if (session.state.status !== 'signed_in') return null;
  const { user } = session.state;
  return (
    <Page title={t('account.title')}>
      <div className="stack">
        <Card title={t('account.you')}>
          <dl className="facts">
            <div>
              <dt>{t('account.email')}</dt>
              <dd>
                <bdi>{user.email}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t('account.roles')}</dt>
              <dd>{user.roles.map((role) => label('role', role)).join('، ')}</dd>
            </div>
          </dl>
        </Card>
        <TokensCard />
      </div>
    </Page>
  );
}
