import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../api/client';
import '../i18n/i18n';
import i18n from '../i18n/i18n';
import LoginPage from './LoginPage';

const login = vi.fn();
vi.mock('../auth/auth-context', () => ({ useAuth: () => ({ login, me: null, loading: false }) }));

describe('LoginPage', () => {
  afterEach(cleanup);

  it('labels its fields and tells a wrong password apart from throttling', async () => {
    await i18n.changeLanguage('en');
    render(
      <MemoryRouter>
        <LoginPage />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'a@b.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });

    login.mockRejectedValueOnce(new ApiRequestError(401, undefined));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Wrong email or password.');

    login.mockRejectedValueOnce(new ApiRequestError(429, undefined));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Too many attempts/)).toBeTruthy();
    expect(login).toHaveBeenCalledWith({ email: 'a@b.test', password: 'nope' });
  });
});
