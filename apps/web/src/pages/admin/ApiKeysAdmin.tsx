import { type ApiKey, type CreatedApiKey, createApiKeySchema } from '@vitrina/contracts';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/admin';
import { FieldError } from '../../components/forms/FieldError';
import { type FieldErrors, invalidProps, validate } from '../../components/forms/validation';
import { Notice, type NoticeState } from '../../components/staff/Notice';
import { adminFailure } from './admin-failure';

const EMPTY_KEY = { name: '', contact: '' };
type NewKey = typeof EMPTY_KEY;

/**
 * The new key's form: a name (required) and a contact (optional). What was
 * typed stays on any failure, each message beside its field; only a success
 * empties it.
 */
function NewKeyForm({ onCreated, onDone, nameField }: {
  onCreated: (key: CreatedApiKey) => void;
  onDone: (notice: NoticeState) => void;
  nameField: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const createKey = useCreateApiKey();
  const [form, setForm] = useState<NewKey>(EMPTY_KEY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = (key: keyof NewKey, value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _edited, ...others }) => others);
  };

  async function create(event: FormEvent) {
    event.preventDefault();
    if (createKey.isPending) return;
    // An empty contact is no contact: the API is sent none rather than "".
    const checked = validate(createApiKeySchema, { name: form.name, ...(form.contact.trim() ? { contact: form.contact } : {}) }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return onDone({ kind: 'error', message: t('validation.fix') });
    try {
      const created = await createKey.mutateAsync(checked.data);
      setForm(EMPTY_KEY);
      onDone({ kind: 'ok', key: 'admin.apiKeys.createdNotice' });
      onCreated(created);
    } catch (error) {
      const failure = adminFailure(error, t);
      setErrors(failure.fields);
      onDone({ kind: 'error', message: failure.message });
    }
  }

  return (
    <form onSubmit={create} className="form inline-form" aria-label={t('admin.apiKeys.create')} noValidate>
      <h3>{t('admin.apiKeys.create')}</h3>
      <div className="field">
        <label htmlFor="new-api-key-name">{t('admin.apiKeys.name')}</label>
        <input
          ref={nameField}
          id="new-api-key-name"
          required
          maxLength={120}
          autoComplete="off"
          value={form.name}
          onChange={(e) => change('name', e.target.value)}
          {...invalidProps(errors, 'name', 'new-api-key-name-error')}
        />
        <FieldError errors={errors} field="name" id="new-api-key-name-error" />
      </div>
      <div className="field">
        <label htmlFor="new-api-key-contact">{t('admin.apiKeys.contact')}</label>
        <input
          id="new-api-key-contact"
          maxLength={300}
          autoComplete="off"
          value={form.contact}
          onChange={(e) => change('contact', e.target.value)}
          aria-description={t('admin.apiKeys.contactHint')}
          {...invalidProps(errors, 'contact', 'new-api-key-contact-error')}
        />
        <small className="muted">{t('admin.apiKeys.contactHint')}</small>
        <FieldError errors={errors} field="contact" id="new-api-key-contact-error" />
      </div>
      <button type="submit" disabled={createKey.isPending}>
        {t('admin.apiKeys.create')}
      </button>
    </form>
  );
}

/**
 * The key just made, shown this once (the API keeps only its hash): a field
 * to select it from, a copy button, and a plain warning. Focus is brought
 * here so a keyboard or screen-reader user meets it first.
 */
function CreatedKey({ created, onHide }: { created: CreatedApiKey; onHide: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  // Each new key mounts this anew (keyed by its id): nothing copied yet.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('ok');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the key is selected for the person to copy.
      setCopied('failed');
      field.current?.focus();
      field.current?.select();
    }
  }

  return (
    <section className="new-api-key" aria-labelledby="new-api-key-heading">
      <h3 id="new-api-key-heading" ref={heading} tabIndex={-1}>
        {t('admin.apiKeys.newKeyTitle', { name: created.name })}
      </h3>
      <p id="new-api-key-warning" className="new-api-key-warning">
        <strong>{t('admin.apiKeys.newKeyWarning')}</strong>
      </p>
      <div className="field">
        <label htmlFor="new-api-key-value">{t('admin.apiKeys.newKeyLabel')}</label>
        <input
          ref={field}
          id="new-api-key-value"
          className="new-api-key-value"
          readOnly
          value={created.key}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="new-api-key-warning"
          onFocus={(e) => e.target.select()}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={copy}>
          {t('admin.apiKeys.copy')}
        </button>
        <button type="button" className="secondary" onClick={onHide}>
          {t('admin.apiKeys.done')}
        </button>
      </div>
      <p role="status" className={copied === 'failed' ? 'error' : 'success'}>
        {copied === 'ok' && t('admin.apiKeys.copied')}
        {copied === 'failed' && t('admin.apiKeys.copyFailed')}
      </p>
    </section>
  );
}

/** The question before a key is revoked; Escape or Cancel keeps it. */
function RevokeDialog({ target, busy, onConfirm, onCancel }: { target: ApiKey | undefined; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (target && element && !element.open) element.showModal();
    if (!target && element?.open) element.close();
  }, [target]);
  return (
    <dialog
      ref={dialog}
      className="admin-dialog"
      aria-labelledby="revoke-api-key-title"
      aria-describedby="revoke-api-key-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="revoke-api-key-title">{t('admin.apiKeys.confirmTitle', { name: target?.name ?? '' })}</h2>
      <p id="revoke-api-key-body">{t('admin.apiKeys.confirmBody')}</p>
      <div className="actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('admin.apiKeys.cancel')}
        </button>
        <button type="button" disabled={busy} onClick={onConfirm}>
          {t('admin.apiKeys.confirmRevoke')}
        </button>
      </div>
    </dialog>
  );
}

/** Partners' keys to the read API: the list, a new key (shown once), and revocation after a question. */
export function ApiKeysAdmin() {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys();
  const revokeKey = useRevokeApiKey();
  const [notice, setNotice] = useState<NoticeState>();
  const [created, setCreated] = useState<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKey>();
  const heading = useRef<HTMLHeadingElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function revoke() {
    if (!revoking) return;
    try {
      await revokeKey.mutateAsync(revoking.id);
      setNotice({ kind: 'ok', key: 'admin.apiKeys.revoked' });
    } catch (error) {
      setNotice({ kind: 'error', message: adminFailure(error, t).message });
    }
    setRevoking(undefined);
    // The row's button is gone once revoked: focus goes back to the section, just above the outcome.
    heading.current?.focus();
  }

  function hideCreated() {
    setCreated(undefined);
    nameField.current?.focus();
  }

  const items = keys.data?.items;
  return (
    <section aria-labelledby="api-keys-heading" className="admin-section api-keys-admin">
      <h2 id="api-keys-heading" ref={heading} tabIndex={-1}>
        {t('admin.apiKeys.title')}
      </h2>
      <p className="muted">{t('admin.apiKeys.intro')}</p>
      <Notice notice={notice} />
      {created && <CreatedKey key={created.id} created={created} onHide={hideCreated} />}
      {keys.isPending && <p>{t('admin.apiKeys.loading')}</p>}
      {keys.isError && (
        <p role="alert" className="error">
          {t('admin.apiKeys.loadFailed', { message: adminFailure(keys.error, t).message })}
        </p>
      )}
      {items && items.length === 0 && <p>{t('admin.apiKeys.empty')}</p>}
      {items && items.length > 0 && (
        <table className="stacked api-keys">
          <thead>
            <tr>
              <th scope="col">{t('admin.apiKeys.name')}</th>
              <th scope="col">{t('admin.apiKeys.contact')}</th>
              <th scope="col">{t('admin.apiKeys.prefix')}</th>
              <th scope="col">{t('admin.apiKeys.created')}</th>
              <th scope="col">{t('admin.apiKeys.status')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td data-label={t('admin.apiKeys.contact')}>{key.contact ?? ''}</td>
                <td data-label={t('admin.apiKeys.prefix')}>
                  <code>{key.prefix}…</code>
                </td>
                <td data-label={t('admin.apiKeys.created')}>
                  <time dateTime={key.createdAt}>{date(key.createdAt)}</time>
                </td>
                <td data-label={t('admin.apiKeys.status')}>
                  {key.revokedAt ? t('admin.apiKeys.revokedOn', { date: date(key.revokedAt) }) : t('admin.apiKeys.active')}
                </td>
                <td className="actions-cell">
                  {!key.revokedAt && (
                    <button type="button" className="secondary" onClick={() => setRevoking(key)}>
                      {t('admin.apiKeys.revoke')}
                      <span className="visually-hidden"> — {key.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewKeyForm onCreated={setCreated} onDone={setNotice} nameField={nameField} />
      <RevokeDialog target={revoking} busy={revokeKey.isPending} onConfirm={revoke} onCancel={() => setRevoking(undefined)} />
    </section>
  );
}
