import type { Country } from '@vitrina/contracts';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadMedia } from '../../api/media';
import { AssetDetails } from './AssetDetails';
import { FailureAlert, UPLOAD_FAILURE_KEYS } from '../../components/staff/FailureAlert';
import { Reorderable } from './Reorderable';

interface PendingUpload {
  key: string;
  name: string;
  progress: number;
  /** Kept as thrown, so its sentence follows the UI language. */
  error?: unknown;
  /** Stops the upload while it runs. */
  cancel?: () => void;
}

/** Attach, order and describe a record's media; upload many files at once by picking or dropping them. */
export function MediaManager({
  country,
  value,
  onChange,
  legend,
  single = false,
  accept = 'image/*,audio/*,video/mp4,video/webm,application/pdf',
}: {
  country: Country;
  value: { assetId: string }[];
  onChange: (v: { assetId: string }[]) => void;
  legend?: string;
  /** One asset only (a cover): a new upload replaces it. */
  single?: boolean;
  accept?: string;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [dragging, setDragging] = useState(false);
  const upload = useUploadMedia(country.id);
  const latest = useRef(value);
  latest.current = value;

  const update = (key: string, patch: Partial<PendingUpload>) =>
    setPending((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const dismiss = (key: string) => setPending((list) => list.filter((p) => p.key !== key));

  // Uploads finishing in the same tick each see the list the one before them made, not the
  // one of the last render: otherwise all but one of them would be lost.
  function attach(assetId: string) {
    if (!single && latest.current.some((m) => m.assetId === assetId)) return;
    const next = single ? [{ assetId }] : [...latest.current, { assetId }];
    latest.current = next;
    onChange(next);
  }

  function start(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const controller = new AbortController();
      setPending((list) => [...list, { key, name: file.name, progress: 0, cancel: () => controller.abort() }]);
      upload
        .mutateAsync({ file, onProgress: (progress) => update(key, { progress }), signal: controller.signal })
        .then((asset) => {
          dismiss(key);
          attach(asset.id);
        })
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') dismiss(key);
          else update(key, { error, cancel: undefined });
        });
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) start(event.dataTransfer.files);
  };

  return (
    <fieldset className="media-manager">
      <legend>{legend ?? t('studio.media.title')}</legend>
      <Reorderable
        entries={value.map((m) => ({ id: m.assetId }))}
        onChange={(entries) => onChange(entries.map((e) => ({ assetId: e.id })))}
        describe={(_, i) => t('studio.media.number', { number: i + 1 })}
        render={(entry) => <AssetDetails country={country} assetId={entry.id} />}
      />
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label>
          <span>{t('studio.media.pick')}</span>
          <input type="file" multiple={!single} accept={accept} onChange={(e) => e.target.files && start(e.target.files)} />
        </label>
        <p className="muted small">{t('studio.media.drop')}</p>
      </div>
      <ul className="uploads">
        {pending.map((file) => (
          <li key={file.key}>
            <span>{file.name}</span>{' '}
            {file.error !== undefined ? (
              <>
                <FailureAlert as="span" error={file.error} overrides={UPLOAD_FAILURE_KEYS} />
                <button type="button" className="secondary" onClick={() => dismiss(file.key)} aria-label={`${t('studio.remove')}: ${file.name}`}>
                  {t('studio.remove')}
                </button>
              </>
            ) : (
              <>
                <progress max={1} value={file.progress} aria-label={t('studio.media.progress', { name: file.name })} />
                <button type="button" className="secondary" onClick={() => file.cancel?.()} aria-label={`${t('studio.media.cancel')}: ${file.name}`}>
                  {t('studio.media.cancel')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
