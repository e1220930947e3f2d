import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFound.title')}>
      <p>{t('common.notFound.body')}</p>
      <Link to="/">{t('common.nav.home')}</Link>
    </Page>
  );
}
