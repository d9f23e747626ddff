import { useCallback, useEffect, useState } from 'react';
import { type GetJsonOptions, getJson } from './api.ts';
import { useI18n } from './i18n/context.tsx';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; httpStatus: number | null }
  | { status: 'ready'; data: T };

/**
 * Fetch `path` on mount, again when the language changes (server messages are localized),
 * and whenever `reload` is called. Stale answers are aborted. A null path fetches nothing.
 */
export function useApi<T>(
  path: string | null,
  options: Omit<GetJsonOptions, 'signal'> = {},
): ApiState<T> & { reload: () => void } {
  const { lang } = useI18n();
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const acceptStatuses = options.acceptStatuses?.join(',') ?? '';

  useEffect(() => {
    // `attempt` is read so that reload() re-runs this effect.
    void attempt;
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => (previous.status === 'loading' ? previous : { status: 'loading' }));
    const accepted = acceptStatuses ? acceptStatuses.split(',').map(Number) : [];
    getJson<T>(path, lang, { signal: controller.signal, acceptStatuses: accepted }).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const httpStatus =
          typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
            ? error.status
            : null;
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
          httpStatus,
        });
      },
    );
    return () => controller.abort();
  }, [path, lang, acceptStatuses, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
