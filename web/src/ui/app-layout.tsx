// The frame around every signed-in page: a skip link, the header (who is signed in, and where),
// the navigation (a burger menu on narrow screens) and the main content.
import { AppShell, Burger, Button, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSignOut } from '../api/session';
import { DemoNotice } from './demo-notice';
import { MainNavigation } from './main-navigation';
import { useSignedInUser } from './session-guard';
import { Loading } from './status';

const navigationId = 'main-navigation';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const signOut = useSignOut();
  const [navigationOpen, navigation] = useDisclosure(false);
  // Below this width the navigation slides away; hidden links must not take keyboard focus.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const navigationHidden = !wide && !navigationOpen;
  useWindowEvent('keydown', (event) => {
    if (event.key === 'Escape' && navigationOpen) navigation.close();
  });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !navigationOpen } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navigationOpen}
              onClick={navigation.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('shell.menu')}
              aria-expanded={navigationOpen}
              aria-controls={navigationId}
            />
            <Text component={Link} to="/" fw={800} size="xl" c="teal.9" td="none">
              {t('shell.brand')}
            </Text>
            <Text visibleFrom="sm" c="dimmed" truncate>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text visibleFrom="sm" size="sm" truncate>
              {me.user.displayName}
            </Text>
            <Button variant="default" size="sm" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id={navigationId} p="sm" aria-label={t('shell.navigationLabel')} inert={navigationHidden}>
        <MainNavigation onNavigate={navigation.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className="main-content">
        {me.demoMode && <DemoNotice />}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
