import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRequestError, describeFailure } from '../../api/client';
import i18n from '../../i18n/i18n';
import { FailureAlert, UPLOAD_FAILURE_KEYS } from './FailureAlert';

const serverSaid = (status: number, message: string) => new ApiRequestError(status, { statusCode: status, error: 'x', message });

describe('FailureAlert', () => {
  afterEach(cleanup);

  it('says what went wrong in the UI language, with the server’s English words as a detail', async () => {
    await i18n.changeLanguage('ru');
    render(<FailureAlert error={serverSaid(415, 'This kind of file is not accepted (image/svg+xml)')} overrides={UPLOAD_FAILURE_KEYS} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^Такой тип файла не принимается/);
    const detail = alert.querySelector('[lang=en]');
    expect(detail?.textContent).toBe('This kind of file is not accepted (image/svg+xml)');
  });

  it('shows nothing without an error, and no detail when the server gave none', async () => {
    await i18n.changeLanguage('en');
    const { container, rerender } = render(<FailureAlert error={undefined} />);
    expect(container.textContent).toBe('');
    rerender(<FailureAlert error={new ApiRequestError(0, undefined)} />);
    expect(screen.getByRole('alert').textContent).toBe('The server could not be reached. Check the connection and try again.');
  });
});

describe('describeFailure', () => {
  it('has a translated sentence for every status, in both UI languages', async () => {
    for (const lang of ['en', 'ru']) {
      const t = i18n.getFixedT(lang);
      for (const status of [0, 400, 401, 403, 404, 409, 413, 415, 418, 422, 429, 500, 503]) {
        for (const overrides of [{}, UPLOAD_FAILURE_KEYS]) {
          const { message } = describeFailure(new ApiRequestError(status, undefined), t, overrides);
          expect(message, `${lang} ${status}`).not.toMatch(/^(errors|studio)\./);
        }
      }
    }
  });

  it('puts the status number into the catch-all sentences and keeps unexpected errors’ text as detail only', () => {
    const t = i18n.getFixedT('en');
    expect(describeFailure(new ApiRequestError(418, undefined), t).message).toBe('The request failed (error 418).');
    expect(describeFailure(new ApiRequestError(502, undefined), t).message).toBe('The server failed (error 502). Try again later.');
    expect(describeFailure(new TypeError('x is undefined'), t)).toEqual({ message: 'Something unexpected went wrong.', detail: 'x is undefined' });
  });

  it('gives an error without a server message a translated message of its own', async () => {
    await i18n.changeLanguage('ru');
    expect(new ApiRequestError(503, undefined).message).toBe('Сервис ненадолго недоступен. Попробуйте через несколько секунд.');
    expect(serverSaid(400, 'The file is empty').message).toBe('The file is empty');
  });
});
