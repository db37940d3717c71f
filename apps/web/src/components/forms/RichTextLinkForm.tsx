import type { Editor } from '@tiptap/react';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkHref } from './rich-text-extensions';

/**
 * The small form a link is made, changed or removed with (no `window.prompt`): the address of the link
 * under the caret, or of a new one on the selected words (or on the address itself when nothing is
 * selected). Enter applies, Escape closes; the text gets the focus back either way.
 */
export function RichTextLinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const existing = editor.getAttributes('link').href as string | undefined;
  const [typed, setTyped] = useState(existing ?? '');
  const [refused, setRefused] = useState(false);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const href = linkHref(typed);
    if (!href) return setRefused(true);
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: typed.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    else chain.extendMarkRange('link').setLink({ href }).run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter would send the record's form: here it applies the link.
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const errorId = `${id}-error`;
  return (
    <div className="rich-link-form" role="group" aria-label={t('inputs.rich.linkForm')}>
      <label>
        <span>{t('inputs.rich.linkAddress')}</span>
        <input
          // Not type="url": the browser would hold the record's form back over an address being typed.
          inputMode="url"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={typed}
          aria-invalid={refused || undefined}
          aria-describedby={refused ? errorId : undefined}
          onChange={(event) => {
            setTyped(event.target.value);
            setRefused(false);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {refused && (
        <small id={errorId} className="error field-error">
          {t('inputs.rich.linkRefused')}
        </small>
      )}
      <div className="rich-link-actions">
        <button type="button" onClick={apply}>
          {t('inputs.rich.linkApply')}
        </button>
        {existing && (
          <button type="button" className="secondary" onClick={remove}>
            {t('inputs.rich.linkRemove')}
          </button>
        )}
        <button type="button" className="secondary" onClick={close}>
          {t('inputs.rich.linkCancel')}
        </button>
      </div>
    </div>
  );
}
