import { type ReactNode, useCallback, useRef } from 'react';
import { useFocusOnNavigate, useLocation } from '../router.tsx';

/** A page: its heading takes focus after a navigation, so the change is announced. */
export function Page({
  title,
  intro,
  actions,
  children,
  className,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { path } = useLocation();
  useFocusOnNavigate(
    path,
    useCallback(() => heading.current, []),
  );
  return (
    <div className={`page ${className ?? ''}`}>
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1} className="page-title">
            {title}
          </h1>
          {intro && <p className="page-intro muted">{intro}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
