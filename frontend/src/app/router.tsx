import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from '../lib/auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { MANAGERS } from './layout/nav';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

/**
 * Every screen is its own chunk. Census routes (households, residents, imports) come in as
 * further children with their nav entry in layout/nav.tsx.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/grid-cells" replace /> },
      {
        path: 'grid-cells',
        lazy: async () => ({ Component: (await import('../features/areas/components/GridCellListPage')).GridCellListPage }),
      },
      {
        path: 'grid-cells/:id',
        lazy: async () => ({ Component: (await import('../features/areas/components/GridCellDetailPage')).GridCellDetailPage }),
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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
