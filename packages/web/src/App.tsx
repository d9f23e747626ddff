import { lazy, type ReactNode, Suspense, useState } from 'react';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Failure, Loading } from './components/Pending.tsx';
import { useI18n } from './i18n/context.tsx';
import { entryFor, navEntries } from './nav.ts';
import { Dashboard } from './pages/Dashboard.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Link, matchPath, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// The dashboard and sign-in come with the first load; every other page loads when first opened.
const MapPage = lazy(() => import('./pages/MapPage.tsx'));
const PipelinePage = lazy(() => import('./pages/PipelinePage.tsx'));
const ThreeWPage = lazy(() => import('./pages/ThreeWPage.tsx'));
const MeetingsPage = lazy(() => import('./pages/MeetingsPage.tsx'));
const AgreementsPage = lazy(() => import('./pages/AgreementsPage.tsx'));
const ReturnsPage = lazy(() => import('./pages/ReturnsPage.tsx'));
const RegistryPage = lazy(() => import('./pages/RegistryPage.tsx'));
const EvidenceIndex = lazy(() => import('./pages/EvidenceIndex.tsx'));
const EvidencePage = lazy(() => import('./pages/EvidencePage.tsx'));
const ReviewPage = lazy(() => import('./pages/ReviewPage.tsx'));
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx'));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx'));
const AdminPage = lazy(() => import('./pages/AdminPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));

function routeFor(path: string): ReactNode {
  const evidence = matchPath('/evidence/:resource/:id', path);
  if (evidence) return <EvidencePage resource={evidence.resource ?? ''} id={evidence.id ?? ''} />;
  switch (path) {
    case '/':
      return <Dashboard />;
    case '/map':
      return <MapPage />;
    case '/pipeline':
      return <PipelinePage />;
    case '/3w':
      return <ThreeWPage />;
    case '/meetings':
      return <MeetingsPage />;
    case '/agreements':
      return <AgreementsPage />;
    case '/returns':
      return <ReturnsPage />;
    case '/registry':
      return <RegistryPage />;
    case '/evidence':
      return <EvidenceIndex />;
    case '/review':
      return <ReviewPage />;
    case '/imports':
      return <ImportsPage />;
    case '/report':
      return <ReportPage />;
    case '/admin':
      return <AdminPage />;
    case '/account':
      return <AccountPage />;
    default:
      return <NotFound />;
  }
}

function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
      <span className="brand-mark" aria-hidden="true">
        ت
      </span>
      <span className="brand-text">
        <span className="brand-name">
          <span lang="en">tansiq</span>
          <span className="brand-sep" aria-hidden="true">
            ·
          </span>
          <span lang="ar">تنسيق</span>
        </span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  );
}

function Navigation({ path, onNavigate }: { path: string; onNavigate: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const current = entryFor(path);
  return (
    <nav aria-label={t('nav.label')} className="nav">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the links inside handle keys; this only closes the menu */}
      <ul className="nav-list" onClick={onNavigate}>
        {navEntries
          .filter((entry) => can(entry.rule))
          .map((entry) => (
            <li key={entry.path}>
              <Link to={entry.path} className="nav-link" current={entry === current}>
                {t(entry.label)}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function UserMenu() {
  const { t, label } = useI18n();
  const session = useSession();
  if (session.state.status !== 'signed_in') return null;
  const { user } = session.state;
  return (
    <div className="user-menu">
      <span className="user-id">
        <bdi className="user-email">{user.email}</bdi>
        <span className="muted user-roles">{user.roles.map((role) => label('role', role)).join('، ')}</span>
      </span>
      <button type="button" className="button button-quiet" onClick={() => void session.signOut()}>
        {t('session.signOut')}
      </button>
    </div>
  );
}

export function App() {
  const { t } = useI18n();
  const session = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const signedIn = session.state.status === 'signed_in';

  let main: ReactNode;
  if (session.state.status === 'loading') main = <Loading label={t('session.checking')} />;
  else if (session.state.status === 'error')
    main = <Failure message={session.state.message} onRetry={session.retry} />;
  else if (!signedIn) main = <SignIn />;
  else {
    const entry = entryFor(path);
    main =
      entry && !session.can(entry.rule) ? (
        <Failure title={t('access.forbidden.title')} message={t('access.forbidden.detail')} />
      ) : (
        <Suspense fallback={<Loading />}>{routeFor(path)}</Suspense>
      );
  }

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Brand />
        <div className="header-tools">
          <LanguageSwitch />
          <UserMenu />
          {signedIn && (
            <button
              type="button"
              className="button menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="app-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('nav.menu')}
            </button>
          )}
        </div>
      </header>
      <div className={`app-body ${signedIn ? 'with-nav' : ''}`}>
        {signedIn && (
          <div id="app-nav" className={`app-nav ${menuOpen ? 'open' : ''}`}>
            <Navigation path={path} onNavigate={() => setMenuOpen(false)} />
          </div>
        )}
        <main id="main" className="app-main" tabIndex={-1}>
          {main}
        </main>
      </div>
      <footer className="app-footer">
        <a href="/api/openapi.json" className="link">
          {t('api.docs')}
        </a>
      </footer>
    </div>
  );
}
