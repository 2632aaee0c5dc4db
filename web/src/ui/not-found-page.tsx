import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from './page';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Text>{t('notFound.text')}</Text>
      <div>
        <Button component={Link} to="/" variant="default">
          {t('common.goHome')}
        </Button>
      </div>
    </Page>
  );
}
