// Entry: theme, language, and the two halves of the app. The staff workspace is lazy-loaded so that
// the public portal stays small on a low-end phone.
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/ThemeIcon.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Skeleton.css';
import './i18n';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import PortalHome from './portal/PortalHome';
import NotFound from './NotFound';
import { cssVariablesResolver, theme } from './theme';

const StaffApp = lazy(() => import('./staff/StaffApp'));
// The catalog pages: a small chunk of their own, so the home page loads only what it shows.
const ProcedureSearch = lazy(() => import('./portal/ProcedureSearch'));
const ProcedurePage = lazy(() => import('./portal/ProcedurePage'));
// The citizen's dossier pages: online submission and tracking, each its own chunk.
const SubmitPage = lazy(() => import('./portal/submit/SubmitPage'));
const TrackPage = lazy(() => import('./portal/track/TrackPage'));
const AccountPage = lazy(() => import('./portal/account/AccountPage'));
// Citizens' letters: sending and tracking, each its own chunk.
const LetterSubmitPage = lazy(() => import('./portal/letters/LetterSubmitPage'));
const LetterTrackPage = lazy(() => import('./portal/letters/LetterTrackPage'));
const AnswersPage = lazy(() => import('./portal/letters/AnswersPage'));

function Loading() {
  return (
    <Center mih="50vh" role="status" aria-live="polite">
      <Loader aria-label="…" />
    </Center>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<PortalHome />} />
          <Route
            path="/thu-tuc"
            element={
              <Suspense fallback={<Loading />}>
                <ProcedureSearch />
              </Suspense>
            }
          />
          <Route
            path="/thu-tuc/:code"
            element={
              <Suspense fallback={<Loading />}>
                <ProcedurePage />
              </Suspense>
            }
          />
          <Route
            path="/thu-tuc/:code/nop-ho-so"
            element={
              <Suspense fallback={<Loading />}>
                <SubmitPage />
              </Suspense>
            }
          />
          <Route
            path="/tra-cuu"
            element={
              <Suspense fallback={<Loading />}>
                <TrackPage />
              </Suspense>
            }
          />
          <Route
            path="/tra-cuu/:code"
            element={
              <Suspense fallback={<Loading />}>
                <TrackPage />
              </Suspense>
            }
          />
          <Route
            path="/gui-don"
            element={
              <Suspense fallback={<Loading />}>
                <LetterSubmitPage />
              </Suspense>
            }
          />
          <Route
            path="/tra-cuu-don"
            element={
              <Suspense fallback={<Loading />}>
                <LetterTrackPage />
              </Suspense>
            }
          />
          <Route
            path="/tra-cuu-don/:code"
            element={
              <Suspense fallback={<Loading />}>
                <LetterTrackPage />
              </Suspense>
            }
          />
          <Route
            path="/tra-loi-don"
            element={
              <Suspense fallback={<Loading />}>
                <AnswersPage />
              </Suspense>
            }
          />
          <Route
            path="/tra-loi-don/:code"
            element={
              <Suspense fallback={<Loading />}>
                <AnswersPage />
              </Suspense>
            }
          />
          <Route
            path="/tai-khoan"
            element={
              <Suspense fallback={<Loading />}>
                <AccountPage />
              </Suspense>
            }
          />
          <Route
            path="/staff/*"
            element={
              <Suspense fallback={<Loading />}>
                <StaffApp />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
