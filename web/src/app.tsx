// The routes. Each page loads as its own chunk; the frame and the session guard load at once.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './ui/app-layout';
import { RequireAdmin, RequireNetworkAdmin, RequireSession } from './ui/session-guard';
import { Loading } from './ui/status';

const SignInPage = lazy(() => import('./identity/sign-in-page'));
const HomePage = lazy(() => import('./home/home-page'));
const AdminPage = lazy(() => import('./identity/admin-page'));
const AccountPage = lazy(() => import('./account/account-page'));
const AuditPage = lazy(() => import('./audit/audit-page'));
const FindHelpPage = lazy(() => import('./directory/find-help-page'));
const ServicePage = lazy(() => import('./directory/service-page'));
const DirectoryOrganizationPage = lazy(() => import('./directory/organization-page'));
const NetworkOrganizationPage = lazy(() => import('./directory/network-organization-page'));
const DirectorySettingsPage = lazy(() => import('./directory/settings-page'));
const PeopleListPage = lazy(() => import('./people/people-list-page'));
const PersonPage = lazy(() => import('./people/person-page'));
const EnrolPage = lazy(() => import('./people/enrol-page'));
const MergePage = lazy(() => import('./people/merge-page'));
const ScoringRulesPage = lazy(() => import('./screening/scoring-rules-page'));
const ReferralsPage = lazy(() => import('./referrals/referrals-page'));
const ReferPage = lazy(() => import('./referrals/refer-page'));
const ReferralPage = lazy(() => import('./referrals/referral-page'));
const NotFoundPage = lazy(() => import('./ui/not-found-page'));

const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<Loading />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'screening/rules', element: <ScoringRulesPage /> },
          {
            path: 'people',
            children: [
              { index: true, element: <PeopleListPage /> },
              { path: 'new', element: <EnrolPage /> },
              { path: ':personId', element: <PersonPage /> },
              { path: ':personId/merge/:duplicateId', element: <MergePage /> },
            ],
          },
          {
            path: 'referrals',
            children: [
              { index: true, element: <ReferralsPage /> },
              { path: 'new', element: <ReferPage /> },
              { path: ':referralId', element: <ReferralPage /> },
            ],
          },
          {
            path: 'directory',
            children: [
              { index: true, element: <FindHelpPage /> },
              { path: 'services/:serviceId', element: <ServicePage /> },
              { path: 'organizations/:organizationId', element: <DirectoryOrganizationPage /> },
              { path: 'network/:organizationId', element: <NetworkOrganizationPage /> },
              {
                path: 'settings',
                element: <RequireNetworkAdmin />,
                children: [{ index: true, element: <DirectorySettingsPage /> }],
              },
            ],
          },
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [
              { index: true, element: <AdminPage /> },
              { path: 'audit', element: <AuditPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
