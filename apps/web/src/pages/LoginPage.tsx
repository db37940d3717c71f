import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { PageTitle } from '../components/PageTitle';

function messageKey(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 401) return 'login.invalid';
  if (error instanceof ApiRequestError && error.status === 429) return 'login.throttled';
  return 'login.failed';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      const me = await login({ email, password });
      navigate(me.user.isAdmin ? '/admin' : me.memberships.length > 0 ? '/studio' : '/');
    } catch (caught) {
      setError(messageKey(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="page narrow">
      <PageTitle title={t('login.title')} />
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <form onSubmit={submit} className="form" noValidate>
        <label>
          <span>{t('login.email')}</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {t(error)}
          </p>
        )}
        <button type="submit" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
