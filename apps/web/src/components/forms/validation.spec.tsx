import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createCountrySchema, createUserSchema, itemInputSchema, loginRequestSchema, memorialInputSchema, personInputSchema } from '@vitrina/contracts';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import LoginPage from '../../pages/LoginPage';
import { fieldIssues, validate } from './validation';

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

describe('messages by field path', () => {
  it('keys each issue by its whole path, an empty field being "fill this in"', async () => {
    await i18n.changeLanguage('ru');
    const t = i18n.t.bind(i18n);
    const memorial = {
      slug: 'Bad Slug',
      kind: 'monument',
      title: {},
      location: { lat: Number.NaN, lng: 77 },
      conditionSurveys: [{ date: '', condition: 'good' }],
      events: [{ date: '32.13.1945', type: 'restoration' }],
    };
    expect(fieldIssues(memorialInputSchema, memorial, t)).toEqual({
      slug: 'Только строчные латинские буквы, цифры и дефисы, например soldiers-letter-1942.',
      title: 'Заполните это поле.',
      'location.lat': 'Введите число.',
      'conditionSurveys.0.date': 'Заполните это поле.',
      'events.0.date': 'Не удалось понять дату. Пишите так: 9 мая 1945, май 1945, 09.05.1945 или 1945.',
    });
    expect(fieldIssues(memorialInputSchema, { ...memorial, location: undefined }, t).location).toBe('Заполните это поле.');
    expect(fieldIssues(itemInputSchema, { slug: 'ok', kind: 'artefact', title: { ru: { text: 'Т' } } }, t)).toEqual({});
    const person = { slug: 'ok', name: '', title: { ru: { text: 'И' } }, birth: { date: '1925' }, death: { date: '1920' } };
    expect(fieldIssues(personInputSchema, person, t)).toEqual({ name: 'Заполните это поле.', death: 'Год смерти раньше года рождения.' });
  });
});
