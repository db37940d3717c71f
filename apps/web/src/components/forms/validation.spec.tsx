import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createCountrySchema, createUserSchema, loginRequestSchema } from '@vitrina/contracts';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import LoginPage from '../../pages/LoginPage';
import { validate } from './validation';

const login = vi.fn();
vi.mock('../../auth/auth-context', () => ({ useAuth: () => ({ login, me: null, loading: false }) }));

afterEach(cleanup);

describe('browser-side checks with the contract schemas', () => {
  it('names each field at fault in the UI language', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(validate(createUserSchema, { email: 'nope', displayName: '', password: 'short', isAdmin: false }, t)).toEqual({
      ok: false,
      errors: { email: 'Enter an email address, like name@example.org.', displayName: 'Fill this in.', password: 'At least 10 characters.' },
    });
    const country = { slug: 'studio', names: { ru: 'Страна', en: 'Land' }, defaultLanguage: 'kk', languages: ['ru', 'en'] };
    expect(validate(createCountrySchema, country, t)).toMatchObject({
      ok: false,
      errors: { slug: 'This address is taken by a page of the site.', defaultLanguage: 'The default language must be one of the languages.' },
    });
    await i18n.changeLanguage('ru');
    expect(validate(loginRequestSchema, { email: '', password: 'x' }, i18n.t.bind(i18n))).toEqual({ ok: false, errors: { email: 'Заполните это поле.' } });
  });

  it('keeps an empty sign-in from being sent, and says so beside the field', async () => {
    await i18n.changeLanguage('en');
    render(
      <MemoryRouter>
        <LoginPage />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText(/^Email/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe('Fill this in.');
    expect(login).not.toHaveBeenCalled();
  });
});
