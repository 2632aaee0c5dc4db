// Home: who you are, where you work, what your roles mean, and what you can do in Kith today; for
// a partner organisation, the referrals sent to it first.
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAdmin } from '../api/session';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { KeptServices } from './kept-services';
import { MyPeople } from '../people/my-people';
import { HomeInbox } from '../referrals/home-inbox';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const admin = isAdmin(me);
  const seesPeople = me.user.roles.some((role) => role !== 'partner_staff');
  // An organisation of the network other than the host receives referrals: its inbox comes first.
  const partner = !me.organization.isHost;

  return (
    <Page title={t('home.greeting', { name: me.user.displayName })}>
      {/* Partner staff land on the referrals sent to them, then their own services, to keep their room up to date. */}
      {partner && <HomeInbox />}
      {!me.organization.isHost && <KeptServices />}
      {/* Coordinators land on their people: those whose care team they are on first. */}
      {seesPeople && <MyPeople />}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>
            {me.networkAdmin
              ? t('home.organizationHost', { organization: me.organization.name })
              : t('home.organization', { organization: me.organization.name })}
          </Text>
          <Title order={2} size="h4">
            {t('home.rolesTitle', { count: me.user.roles.length })}
          </Title>
          <List spacing="xs">
            {me.user.roles.map((role) => (
              <List.Item key={role}>
                <Text fw={600}>{t(`roles.${role}.name`)}</Text>
                <Text size="sm">{t(`roles.${role}.description`)}</Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      {/* Their people and open needs are a coordinator's work; the box below lists the other tasks, if any. */}
      {(admin || (!seesPeople && !partner)) && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('home.todayTitle')}
            </Title>
            {admin ? (
              <List spacing="sm">
                <List.Item>
                  <Anchor component={Link} to="/admin" fw={600}>
                    {t('nav.admin')}
                  </Anchor>
                  <Text size="sm">{me.networkAdmin ? t('home.adminNetworkTask') : t('home.adminOrganizationTask')}</Text>
                </List.Item>
                <List.Item>
                  <Anchor component={Link} to="/admin/audit" fw={600}>
                    {t('nav.audit')}
                  </Anchor>
                  <Text size="sm">{t('home.auditTask')}</Text>
                </List.Item>
                {me.networkAdmin && (
                  <List.Item>
                    <Anchor component={Link} to="/directory/settings" fw={600}>
                      {t('nav.directorySettings')}
                    </Anchor>
                    <Text size="sm">{t('home.directorySettingsTask')}</Text>
                  </List.Item>
                )}
              </List>
            ) : (
              <Text>{t('home.workListsSoon')}</Text>
            )}
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
