import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from '../lib/auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { useRoles } from '../lib/auth/roles';
import { CARERS, ENTERPRISE_READERS, EXPORTERS, IMPORTERS, INSPECTORS, MANAGERS, PEOPLE, RECORDERS, RESULT_READERS, ROLES_WITH_SCREENS, SITE_VIEWERS, TASK_READERS, VISITORS, homePath } from './layout/nav';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

function Home() {
  return <Navigate to={homePath(useRoles())} replace />;
}

/**
 * Every screen is its own chunk; each section has its nav entry in layout/nav.tsx.
 */
export const router = createBrowserRouter([
  // Public: the check of a release notice (its QR code points here); no login.
  {
    path: '/verify',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('../features/quarantine/components/VerifyPage')).VerifyPage }),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, Component: Home },
      {
        path: 'grid-cells',
        lazy: async () => ({ Component: (await import('../features/areas/components/GridCellListPage')).GridCellListPage }),
      },
      {
        path: 'grid-cells/:id',
        lazy: async () => ({ Component: (await import('../features/areas/components/GridCellDetailPage')).GridCellDetailPage }),
      },
      {
        path: 'needs',
        lazy: async () => ({ Component: (await import('../features/needs/components/NeedsPage')).NeedsPage }),
      },
      {
        path: 'enterprises',
        lazy: async () => {
          const { EnterprisesPage } = await import('../features/enterprises/components/EnterprisesPage');
          return {
            Component: () => (
              <RequireRole roles={ENTERPRISE_READERS}>
                <EnterprisesPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'households',
        lazy: async () => ({ Component: (await import('../features/households/components/HouseholdListPage')).HouseholdListPage }),
      },
      {
        path: 'households/new',
        lazy: async () => ({ Component: (await import('../features/households/components/HouseholdEditPage')).HouseholdEditPage }),
      },
      {
        path: 'households/:id',
        lazy: async () => ({ Component: (await import('../features/households/components/HouseholdDetailPage')).HouseholdDetailPage }),
      },
      {
        path: 'households/:id/edit',
        lazy: async () => ({ Component: (await import('../features/households/components/HouseholdEditPage')).HouseholdEditPage }),
      },
      {
        path: 'residents/:id',
        lazy: async () => ({ Component: (await import('../features/residents/components/ResidentDetailPage')).ResidentDetailPage }),
      },
      {
        path: 'imports',
        lazy: async () => {
          const { ImportWizardPage } = await import('../features/imports/components/ImportWizardPage');
          return {
            Component: () => (
              <RequireRole roles={IMPORTERS}>
                <ImportWizardPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'exports',
        lazy: async () => {
          const { ExportsPage } = await import('../features/exports/components/ExportsPage');
          return {
            Component: () => (
              <RequireRole roles={EXPORTERS}>
                <ExportsPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'areas',
        lazy: async () => ({ Component: (await import('../features/areas/components/AreaTreePage')).AreaTreePage }),
      },
      {
        path: 'assignments',
        lazy: async () => {
          const { AssignmentsPage } = await import('../features/assignments/components/AssignmentsPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <AssignmentsPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'me',
        lazy: async () => ({ Component: (await import('../features/me/components/MePage')).MePage }),
      },
      // Duty shifts (features/duty)
      {
        path: 'duty',
        lazy: async () => ({ Component: (await import('../features/duty/components/MyShiftsPage')).MyShiftsPage }),
      },
      {
        path: 'duty-board',
        lazy: async () => {
          const { DutyBoardPage } = await import('../features/duty/components/DutyBoardPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <DutyBoardPage />
              </RequireRole>
            ),
          };
        },
      },
      // Temperature checks (features/temperature) and the shared alert inbox (features/alerts)
      {
        path: 'checkpoint',
        lazy: async () => {
          const { CheckpointPage } = await import('../features/temperature/components/CheckpointPage');
          return {
            Component: () => (
              <RequireRole roles={RECORDERS}>
                <CheckpointPage />
              </RequireRole>
            ),
          };
        },
      },
      // Quarantine visits, the worker's screen (features/quarantine-visits)
      {
        path: 'quarantine-visits',
        lazy: async () => {
          const { QuarantineVisitsPage } = await import('../features/quarantine-visits/components/QuarantineVisitsPage');
          return {
            Component: () => (
              <RequireRole roles={VISITORS}>
                <QuarantineVisitsPage />
              </RequireRole>
            ),
          };
        },
      },
      // One-to-one care (features/care): the leader's plans and the worker's visits
      {
        path: 'care',
        lazy: async () => {
          const { CarePlansPage } = await import('../features/care/components/CarePlansPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <CarePlansPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'care-visits',
        lazy: async () => {
          const { CareVisitsPage } = await import('../features/care/components/CareVisitsPage');
          return {
            Component: () => (
              <RequireRole roles={CARERS}>
                <CareVisitsPage />
              </RequireRole>
            ),
          };
        },
      },
      // Disinfection rounds (features/disinfection, 消杀): the log, the record form, the schedules
      {
        path: 'disinfection',
        lazy: async () => {
          const { DisinfectionPage } = await import('../features/disinfection/components/DisinfectionPage');
          return {
            Component: () => (
              <RequireRole roles={PEOPLE}>
                <DisinfectionPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'watch-reports',
        lazy: async () => {
          const { WatchReportsPage } = await import('../features/temperature/components/WatchReportsPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <WatchReportsPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'alerts',
        lazy: async () => {
          const { AlertInboxPage } = await import('../features/alerts/components/AlertInboxPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <AlertInboxPage />
              </RequireRole>
            ),
          };
        },
      },
      // Nucleic-acid rounds (features/testing): workers sample, managers follow rounds and coverage
      {
        path: 'sampling',
        lazy: async () => {
          const { SamplingPage } = await import('../features/testing/components/SamplingPage');
          return {
            Component: () => (
              <RequireRole roles={RECORDERS}>
                <SamplingPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'rounds',
        lazy: async () => {
          const { RoundsPage } = await import('../features/testing/components/RoundsPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <RoundsPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'rounds/new',
        lazy: async () => {
          const { RoundSetupPage } = await import('../features/testing/components/RoundSetupPage');
          return {
            Component: () => (
              <RequireRole roles={['supervisor']}>
                <RoundSetupPage />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'rounds/:id',
        lazy: async () => {
          const { RoundDetailPage } = await import('../features/testing/components/RoundDetailPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <RoundDetailPage />
              </RequireRole>
            ),
          };
        },
      },
      // Doorstep deliveries (features/delivery): workers carry today's run, leaders plan runs and print sheets
      ...(
        [
          ['delivery', 'DeliveryPage', PEOPLE],
          ['delivery/new', 'NewRunPage', ['supervisor', 'grid-leader']],
          ['delivery/:id', 'RunSheetPage', PEOPLE],
          ['delivery/:id/print', 'RunPrintPage', MANAGERS],
        ] as const
      ).map(([path, name, roles]) => ({
        path,
        lazy: async () => {
          const Page = (await import('../features/delivery/components/screens'))[name];
          return {
            Component: () => (
              <RequireRole roles={roles}>
                <Page />
              </RequireRole>
            ),
          };
        },
      })),
      // Quarantine desk (features/quarantine): orders, the bureau's unmatched people, figures, sites
      ...(
        [
          ['quarantines', 'OrdersPage', MANAGERS],
          ['quarantines/worklist', 'WorklistPage', MANAGERS],
          ['quarantines/stats', 'StatsPage', MANAGERS],
          ['quarantines/:id', 'OrderDetailPage', PEOPLE],
          ['quarantine-sites', 'SitesPage', SITE_VIEWERS],
          ['quarantine-sites/:id', 'SiteDetailPage', SITE_VIEWERS],
        ] as const
      ).map(([path, name, roles]) => ({
        path,
        lazy: async () => {
          const Page = (await import('../features/quarantine/components/desk'))[name];
          return {
            Component: () => (
              <RequireRole roles={roles}>
                <Page />
              </RequireRole>
            ),
          };
        },
      })),
      // Inspections (features/inspections): the inspector's phone flow, findings, places, results
      ...(
        [
          ['inspections/new', 'InspectPage', INSPECTORS],
          ['inspections/:id', 'InspectionDetailPage', ROLES_WITH_SCREENS],
          ['inspection-tasks', 'TasksBoardPage', TASK_READERS],
          ['inspection-places/:kind/:id', 'PlacePage', TASK_READERS],
          ['inspection-results', 'ResultsPage', RESULT_READERS],
        ] as const
      ).map(([path, name, roles]) => ({
        path,
        lazy: async () => {
          const Page = (await import('../features/inspections/components/screens'))[name];
          return {
            Component: () => (
              <RequireRole roles={roles}>
                <Page />
              </RequireRole>
            ),
          };
        },
      })),
      // 概览 and 日报 (features/reports): every role's dashboard, a node's daily report and its submission upward
      ...(
        [
          ['dashboard', 'DashboardPage', PEOPLE],
          ['reports/daily', 'DailyReportPage', MANAGERS],
        ] as const
      ).map(([path, name, roles]) => ({
        path,
        lazy: async () => {
          const Page = (await import('../features/reports/components/screens'))[name];
          return {
            Component: () => (
              <RequireRole roles={roles}>
                <Page />
              </RequireRole>
            ),
          };
        },
      })),
      // Supplies (features/supplies): stock per place, the ledger, movements, the catalogue
      {
        path: 'supplies',
        lazy: async () => {
          const { SuppliesPage } = await import('../features/supplies/components/SuppliesPage');
          return {
            Component: () => (
              <RequireRole roles={MANAGERS}>
                <SuppliesPage />
              </RequireRole>
            ),
          };
        },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
