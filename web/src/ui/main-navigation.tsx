// The navigation: only places that exist today, and admin places only for admins; beside
// Referrals, how many wait for an answer from the user's organisation.
import { Anchor, Divider, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useReferralCounts } from '../api/referrals';
import { isAdmin } from '../api/session';
import { useSignedInUser } from './session-guard';

interface Place {
  to: string;
  label: string;
  /** The place is also current on the pages under it (a service under Find help). */
  withSubpages?: boolean;
}

export function MainNavigation(props: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { pathname } = useLocation();
  // The referrals waiting for an answer from the user's organisation, beside the place's name.
  const waiting = useReferralCounts().data?.inbox.waiting ?? 0;

  const places: Place[] = [
    { to: '/', label: t('nav.home') },
    { to: '/people', label: t('nav.people'), withSubpages: true },
    { to: '/directory', label: t('directory.nav'), withSubpages: true },
    {
      to: '/referrals',
      label: waiting > 0 ? t('referrals.navWaiting', { count: waiting }) : t('referrals.nav'),
      withSubpages: true,
    },
  ];
  if (isAdmin(me)) {
    places.push({ to: '/admin', label: t('nav.admin') }, { to: '/admin/audit', label: t('nav.audit') });
  }
  if (me.networkAdmin) places.push({ to: '/directory/settings', label: t('nav.directorySettings') });
  if (me.networkAdmin) places.push({ to: '/screening/rules', label: t('screening.rules.title') });
  places.push({ to: '/account', label: t('account.nav') });
  // A page with its own place (Directory settings) is not also a subpage of the place above it.
  const ownPlace = places.some((place) => place.to === pathname);

  return (
    <Stack justify="space-between" h="100%" gap="md">
      <Stack gap={4} component="ul" className="plain-list">
        {places.map((place) => {
          const current =
            pathname === place.to || (place.withSubpages === true && !ownPlace && pathname.startsWith(`${place.to}/`));
          return (
            <li key={place.to}>
              <NavLink
                component={Link}
                to={place.to}
                label={place.label}
                active={current}
                aria-current={pathname === place.to ? 'page' : current ? 'true' : undefined}
                onClick={props.onNavigate}
              />
            </li>
          );
        })}
      </Stack>
      <div>
        <Divider mb="sm" />
        <Anchor href="/api/docs" size="sm" px="sm">
          {t('nav.apiDocs')}
        </Anchor>
      </div>
    </Stack>
  );
}
