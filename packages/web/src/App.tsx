import { HealthCard } from './components/HealthCard.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { OrganizationsCard } from './components/OrganizationsCard.tsx';
import { useI18n } from './i18n/context.tsx';

export function App() {
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ت
          </span>
          <div>
            <h1 className="brand-name">
              <span lang="en">tansiq</span>
              <span className="brand-sep" aria-hidden="true">
                ·
              </span>
              <span lang="ar">تنسيق</span>
            </h1>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>

      <main className="app-main">
        <p className="notice">{t('app.placeholder')}</p>
        <div className="grid">
          <HealthCard />
          <OrganizationsCard />
        </div>
      </main>

      <footer className="app-footer">
        <a href="/api/openapi.json" className="link">
          {t('api.docs')}
        </a>
      </footer>
    </div>
  );
}
