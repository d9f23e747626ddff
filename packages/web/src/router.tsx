import { type MouseEvent, type ReactNode, useEffect, useSyncExternalStore } from 'react';

/**
 * A small history router: the server answers every non-API GET with index.html, so paths are
 * real URLs (shareable, printable). Pages are few and flat; a library would add more than it saves.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The current path and query, e.g. `/evidence/shipments/…?tab=claims`. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const location = useSyncExternalStore(subscribe, snapshot, () => '/');
  const [path = '/', search = ''] = location.split('?');
  return { path, query: new URLSearchParams(search) };
}

/** Replaces the query string of the current path, keeping history clean (filters are not steps). */
export function setQuery(values: Record<string, string | null | undefined>): void {
  const query = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString();
  navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, { replace: true });
}

/**
 * Matches `/evidence/:resource/:id` against a path; the params when it matches, else null.
 * Segments are decoded; a pattern never matches a path with more or fewer segments.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** An anchor that navigates without reloading, unless the reader asks for a new tab or window. */
export function Link({
  to,
  children,
  className,
  current,
  ...rest
}: {
  to: string;
  children: ReactNode;
  className?: string;
  /** Marks the link as the current page for assistive technology. */
  current?: boolean;
  'data-testid'?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={to}
      className={className}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
      {...rest}
    >
      {children}
    </a>
  );
}

/** Moves focus to the main heading after a navigation, so screen readers announce the new page. */
export function useFocusOnNavigate(path: string, target: () => HTMLElement | null): void {
  useEffect(() => {
    void path;
    const element = target();
    if (element && document.activeElement !== element && document.body.dataset.navigated === '1') {
      element.focus({ preventScroll: false });
    }
    document.body.dataset.navigated = '1';
  }, [path, target]);
}
