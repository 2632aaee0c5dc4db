// Says plainly when the network is the made-up demo, so nobody mistakes it for real people.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DemoNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" mb="lg" role="note" title={t('shell.demoTitle')}>
      {t('shell.demoText')}
    </Alert>
  );
}
