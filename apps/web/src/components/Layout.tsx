import { UI_LANGUAGES } from '@vitrina/contracts';
import { useEffect, useRef } from 'react';
import { useUnreadCount } from '../api/notifications';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { SearchBox } from './search/SearchBox';
import { isUiLanguage, setUiLanguage } from '../i18n/i18n';

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <span className="language-switcher">
      <label htmlFor="ui-language">{t('language.label')}</label>
      <select
        id="ui-language"
        value={i18n.language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) setUiLanguage(event.target.value);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Navigation state of the way out: the home page, reached, signs the person out. */
interface SigningOut {
  signOut?: boolean;
}

/**
 * Signing out first leaves the page, so an editor with unsaved input asks
 * (its leave question) before anything is lost; once the home page is
 * reached the session ends, and with it the drafts kept on this device.
 */
function AccountMenu() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const asked = (location.state as SigningOut | null)?.signOut === true;
  const signingOut = useRef(false);
  useEffect(() => {
    if (!asked || signingOut.current) return;
    signingOut.current = true;
    navigate(location.pathname, { replace: true, state: null });
    // A failed sign-out leaves the person signed in, as the page then still shows.
    logout()
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        signingOut.current = false;
      });
  }, [asked, location.pathname, logout, navigate]);
  if (!me) return <Link to="/login">{t('nav.signIn')}</Link>;
  return (
    <span className="account">
      <span className="account-name">{t('nav.signedInAs', { name: me.user.displayName })}</span>
      <button type="button" className="link-button" onClick={() => navigate('/', { state: { signOut: true } satisfies SigningOut })}>
        {t('nav.signOut')}
      </button>
    </span>
  );
}

/** How many notifications await; fetched only for signed-in people, so visitors pay nothing. */
function NotificationsLink() {
  const { t } = useTranslation();
  const { data: unread = 0, refetch } = useUnreadCount();
  return (
    <NavLink to="/notifications" onClick={() => void refetch()}>
      {unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications')}
    </NavLink>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t('site.name')}
          </Link>
          <span className="brand-tagline">{t('site.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')} className="site-nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <SearchBox />
          {me && (me.user.isAdmin || me.memberships.length > 0) && <NavLink to="/studio">{t('nav.studio')}</NavLink>}
          {me && (me.user.isAdmin || me.memberships.some((m) => m.role === 'moderator')) && <NavLink to="/review">{t('nav.review')}</NavLink>}
          {me?.user.isAdmin && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          {me && <NotificationsLink />}
          <AccountMenu />
          <LanguageSwitcher />
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <RouteErrorBoundary resetKey={pathname}>
          <Outlet />
        </RouteErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('site.footer')}</p>
      </footer>
    </>
  );
}
