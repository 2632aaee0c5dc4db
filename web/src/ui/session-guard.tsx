// Pages behind a sign-in, and pages for admins. Hiding a page is a courtesy: the server refuses
// the same requests on its own.
import { createContext, use } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import { isAdmin, useMe } from '../api/session';
import type { Me } from '../api/types';
import { Page } from './page';
import { Loading, NoAccessAlert, QueryError } from './status';

const SignedInUser = createContext<Me | null>(null);

/** The signed-in user, inside pages behind RequireSession. */
export function useSignedInUser(): Me {
  const me = use(SignedInUser);
  if (!me) throw new Error('useSignedInUser() is used outside <RequireSession>');
  return me;
}

/** Where to go after signing in: only a path of this site, never another site. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

function signInPathFor(location: Location): string {
  const here = `${location.pathname}${location.search}`;
  return here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.data) {
    return (
      <SignedInUser value={me.data}>
        <Outlet />
      </SignedInUser>
    );
  }
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <main>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return <Navigate to={signInPathFor(location)} replace />;
}

export function RequireAdmin() {
  const me = useSignedInUser();
  return isAdmin(me) ? <Outlet /> : <NoAccessPage />;
}

/** Pages that shape the whole network (the directory's settings): admins of the host organisation. */
export function RequireNetworkAdmin() {
  const me = useSignedInUser();
  return me.networkAdmin ? <Outlet /> : <NoAccessPage />;
}

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('noAccess.title')}>
      <NoAccessAlert />
    </Page>
  );
}
