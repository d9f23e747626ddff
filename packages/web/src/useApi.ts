import { useCallback, useEffect, useState } from 'react';
import { type GetJsonOptions, getJson } from './api.ts';
import { useI18n } from './i18n/context.tsx';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

/**
 * Fetch `path` on mount, again when the language changes (server messages are localized),
 * and whenever `reload` is called. Stale answers are aborted.
 */
export function useApi<T>(
  path: string,
  options: Omit<GetJsonOptions, 'signal'> = {},
): ApiState<T> & { reload: () => void } {
  const { lang } = useI18n();
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const acceptStatuses = options.acceptStatuses?.join(',') ?? '';

  useEffect(() => {
    // `attempt` is read so that reload() re-runs this effect.
    void attempt;
    const controller = new AbortController();
    setState({ status: 'loading' });
    const accepted = acceptStatuses ? acceptStatuses.split(',').map(Number) : [];
    getJson<T>(path, lang, { signal: controller.signal, acceptStatuses: accepted }).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [path, lang, acceptStatuses, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
