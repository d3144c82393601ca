// The staff workspace: its own query client, styles and routes, loaded only when a path under /staff is opened.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ApiError, onUnauthenticated } from '../api/client';
import { Shell, RequireSession, RequireAbility, HomeRedirect } from './Shell';
import LoginPage from './LoginPage';
import UnitsPage from './units/UnitsPage';
import StaffPage from './staff/StaffPage';
import CalendarPage from './calendar/CalendarPage';
import AuditPage from './audit/AuditPage';
import SettingsPage from './settings/SettingsPage';
import Open311ServicesPage from './open311/Open311ServicesPage';
import Open311ClientsPage from './open311/Open311ClientsPage';
import ProceduresPage from './procedures/ProceduresPage';
import DossiersInbox from './dossiers/DossiersInbox';
import DossierPage from './dossiers/DossierPage';
import IntakePage from './dossiers/IntakePage';
import LettersInbox from './letters/LettersInbox';
import LetterPage from './letters/LetterPage';
import LetterIntakePage from './letters/LetterIntakePage';
import CasesInbox from './letters/CasesInbox';
import CasePage from './letters/CasePage';
import { NotificationsHost } from './NotificationsHost';
import { SESSION_KEY } from './session';

// Charts (recharts) load with the statistics page only.
const StatsPage = lazy(() => import('./stats/StatsPage'));
const LetterStatsPage = lazy(() => import('./letter-stats/LetterStatsPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

function SessionWatcher() {
  const client = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated(() => {
        client.setQueryData(SESSION_KEY, { user: null, csrfToken: null });
      }),
    [client],
  );
  return null;
}

export default function StaffApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionWatcher />
      <NotificationsHost />
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route element={<Shell />}>
            <Route index element={<HomeRedirect />} />
            <Route path="dossiers" element={<RequireAbility ability="dossier.read"><DossiersInbox /></RequireAbility>} />
            <Route path="dossiers/new" element={<RequireAbility ability="dossier.intake"><IntakePage /></RequireAbility>} />
            <Route path="dossiers/:id" element={<RequireAbility ability="dossier.read"><DossierPage /></RequireAbility>} />
            <Route path="stats" element={<RequireAbility ability="dossier.stats"><Suspense fallback={null}><StatsPage /></Suspense></RequireAbility>} />
            <Route path="letters/stats" element={<RequireAbility ability="letter.stats"><Suspense fallback={null}><LetterStatsPage /></Suspense></RequireAbility>} />
            <Route path="letters" element={<RequireAbility ability="letter.read"><LettersInbox /></RequireAbility>} />
            <Route path="letters/new" element={<RequireAbility ability="letter.intake"><LetterIntakePage /></RequireAbility>} />
            <Route path="letters/:id" element={<RequireAbility ability="letter.read"><LetterPage /></RequireAbility>} />
            <Route path="letter-cases" element={<RequireAbility ability="letter.read"><CasesInbox /></RequireAbility>} />
            <Route path="letter-cases/:id" element={<RequireAbility ability="letter.read"><CasePage /></RequireAbility>} />
            <Route path="units" element={<RequireAbility ability="unit.read"><UnitsPage /></RequireAbility>} />
            <Route path="staff" element={<RequireAbility ability="staff.read"><StaffPage /></RequireAbility>} />
            <Route path="procedures" element={<RequireAbility ability="procedure.read"><ProceduresPage /></RequireAbility>} />
            <Route path="open311" element={<RequireAbility ability="open311.services.manage"><Open311ServicesPage /></RequireAbility>} />
            <Route path="open311/clients" element={<RequireAbility ability="open311.manage"><Open311ClientsPage /></RequireAbility>} />
            <Route path="calendar" element={<RequireAbility ability="calendar.read"><CalendarPage /></RequireAbility>} />
            <Route path="audit" element={<RequireAbility ability="audit.read"><AuditPage /></RequireAbility>} />
            <Route path="settings" element={<RequireAbility ability="settings.manage"><SettingsPage /></RequireAbility>} />
            <Route path="*" element={<Navigate to="/staff" replace />} />
          </Route>
        </Route>
      </Routes>
    </QueryClientProvider>
  );
}
