import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import type { ApiState } from '../useApi.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed load: what failed (ours), why (the server's localized message), and a way to retry. */
export function Failure({
  title,
  message,
  onRetry,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title ?? t('common.failed')}</p>
      <p className="state-detail">{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty muted">{children}</p>;
}

/** Loading, error or the data: the three states every fetched view has. */
export function Async<T>({
  state,
  children,
  failedTitle,
}: {
  state: ApiState<T> & { reload: () => void };
  children: (data: T) => ReactNode;
  failedTitle?: string;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return <Failure title={failedTitle} message={state.message} onRetry={state.reload} />;
  return <>{children(state.data)}</>;
}
