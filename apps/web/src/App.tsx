import { type ComponentType, Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RECORD_COLLECTIONS } from '@vitrina/contracts';
import { Layout } from './components/Layout';
import { loadStaffTranslations } from './i18n/i18n';
import CountryPage from './pages/CountryPage';
import HomePage from './pages/HomePage';
import NotFoundPage from './pages/NotFoundPage';

/** A staff page: its code and the staff pages' sentences, both loaded before it renders. */
function staffPage(load: () => Promise<{ default: ComponentType }>) {
  return lazy(() => Promise.all([load(), loadStaffTranslations()]).then(([page]) => page));
}

// Route-level splitting: staff pages, and their sentences, are separate chunks a visitor never loads.
const LoginPage = staffPage(() => import('./pages/LoginPage'));
const AdminPage = staffPage(() => import('./pages/admin/AdminPage'));
const StudioPage = staffPage(() => import('./pages/studio/StudioPage'));
const ReviewPage = staffPage(() => import('./pages/review/ReviewPage'));
const NotificationsPage = staffPage(() => import('./pages/NotificationsPage'));
const ExhibitionPage = lazy(() => import('./pages/visitor/ExhibitionPage'));
const ItemPage = lazy(() => import('./pages/visitor/ItemPage'));
const MemorialPage = lazy(() => import('./pages/visitor/MemorialPage'));
const PersonPage = lazy(() => import('./pages/visitor/PersonPage'));
const SearchPage = lazy(() => import('./pages/search/SearchPage'));
const FindPersonPage = lazy(() => import('./pages/search/FindPersonPage'));

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
          <Route path="find-a-person" element={<FindPersonPage />} />
          <Route path=":countrySlug" element={<CountryPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.exhibition}/:slug`} element={<ExhibitionPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.item}/:slug`} element={<ItemPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.memorial}/:slug`} element={<MemorialPage />} />
          <Route path={`:countrySlug/${RECORD_COLLECTIONS.person}/:slug`} element={<PersonPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
