import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { App } from './App';
import { prefetch } from './api/prefetch';
import { queryClient } from './api/query-client';
import { dataOfPage } from './api/public-paths';
import { AuthProvider } from './auth/auth-context';
import i18n from './i18n/i18n';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './styles.css';

// The first page's data is asked for now, while the page's own code is still loading.
const firstData = i18n.language ? dataOfPage(window.location.pathname, i18n.language) : null;
if (firstData) prefetch(firstData);

// A data router, so an editor can ask before unsaved input is left (`useBlocker`); App keeps its own
// <Routes> below one catch-all route, and the staff pages their descendant <Routes>.
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <AuthProvider>
        <App />
      </AuthProvider>
    ),
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
