import { Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/context.tsx';
import { Link } from '../router.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>
        <Link to="/" className="link">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
