import { loginRequestSchema } from '@vitrina/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { PageTitle } from '../components/PageTitle';
import { FieldError } from '../components/forms/FieldError';
import { type FieldErrors, invalidProps, validate } from '../components/forms/validation';

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
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    // The API's own schema, checked here first: an empty field is said at once, beside it.
    const checked = validate(loginRequestSchema, { email, password }, t);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setSubmitting(true);
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
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} {...invalidProps(fieldErrors, 'email', 'login-email-error')} />
          <FieldError errors={fieldErrors} field="email" id="login-email-error" />
        </label>
        <label>
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...invalidProps(fieldErrors, 'password', 'login-password-error')}
          />
          <FieldError errors={fieldErrors} field="password" id="login-password-error" />
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
