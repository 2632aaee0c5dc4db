// Entry point: translations, theme, data cache and the routes.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './ui/app.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-client';
import { App } from './app';
import { cssVariablesResolver, themeIn } from './theme';

function Themed(props: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => themeIn(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {props.children}
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Themed>
      {/* At the bottom: a notice never covers the navigation or the page's heading. */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);
