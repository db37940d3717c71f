import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RECORD_COLLECTIONS } from '@vitrina/contracts';
import { Layout } from './components/Layout';
import CountryPage from './pages/CountryPage';
import HomePage from './pages/HomePage';
import NotFoundPage from './pages/NotFoundPage';

// Route-level splitting: staff pages are separate chunks a visitor never loads.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const StudioPage = lazy(() => import('./pages/studio/StudioPage'));
const ReviewPage = lazy(() => import('./pages/review/ReviewPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const ExhibitionPage = lazy(() => import('./pages/visitor/ExhibitionPage'));
const ItemPage = lazy(() => import('./pages/visitor/ItemPage'));
const MemorialPage = lazy(() => import('./pages/visitor/MemorialPage'));
const SearchPage = lazy(() => import('./pages/search/SearchPage'));

export function App() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path="studio/*" element={<StudioPage />} />
          <Route path="review/*" element={<ReviewPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path=":countrySlug" element={<CountryPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.exhibition}/:slug`} element={<ExhibitionPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.item}/:slug`} element={<ItemPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.memorial}/:slug`} element={<MemorialPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
