import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import CountryPage from './pages/CountryPage';
import HomePage from './pages/HomePage';
import NotFoundPage from './pages/NotFoundPage';

// Route-level splitting: staff pages are separate chunks a visitor never loads.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));

export function App() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path=":countrySlug" element={<CountryPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
