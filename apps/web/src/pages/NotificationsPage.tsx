import { Link } from 'react-router';
import { Redirect } from '../components/Redirect';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotifications } from '../api/notifications';
import { useAuth } from '../auth/auth-context';
import { PageTitle } from '../components/PageTitle';

/** A curator's decisions and a moderator's submissions, newest first. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { me, loading } = useAuth();
  const list = useNotifications(me !== null);
  const markAllRead = useMarkAllRead();
  if (loading) return null;
  if (!me) return <Redirect to="/login" />;
  return (
    <section className="page">
      <PageTitle title={t('notifications.heading')} />
      <h1>{t('notifications.heading')}</h1>
      {list.data && list.data.unread > 0 && (
        <button type="button" className="secondary" onClick={() => markAllRead.mutate()}>
          {t('notifications.markAllRead')}
        </button>
      )}
      {list.data?.items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      <ul className="notifications">
        {list.data?.items.map((note) => {
          const to =
            note.kind === 'submitted' ? `/review/${note.countryId}/${note.collection}/${note.recordId}` : `/studio/${note.countryId}/${note.collection}/${note.recordId}`;
          return (
            <li key={note.id} className={note.read ? 'read' : 'unread'}>
              {!note.read && <span className="badge">{t('notifications.new')}</span>}
              <Link to={to}>{t(`notifications.kinds.${note.kind}`, { title: note.title, name: note.actorName ?? '—' })}</Link>{' '}
              <time className="muted small" dateTime={note.createdAt}>
                {new Date(note.createdAt).toLocaleString(i18n.language)}
              </time>
              {note.comment && <blockquote>{note.comment}</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
