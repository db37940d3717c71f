import { CAPTIONS_CONTENT_TYPE, type ContentLanguage, type Country, type MediaAsset, TIMED_MEDIA_KINDS, apiRoutes } from '@vitrina/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiText } from '../../api/client';
import { FailureAlert } from '../../components/staff/FailureAlert';
import { LocalizedField } from './LocalizedField';

/** Polls an asset while its derivatives are being made. */
function useAsset(url: string): [MediaAsset | undefined, (asset: MediaAsset) => void, unknown] {
  const [asset, setAsset] = useState<MediaAsset>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      api<MediaAsset>('GET', url).then(
        (loaded) => {
          setAsset(loaded);
          setError(undefined);
          if (loaded.status === 'processing') timer = setTimeout(load, 1000);
        },
        (failure: unknown) => setError(failure),
      );
    void load();
    return () => clearTimeout(timer);
  }, [url]);
  return [asset, setAsset, error];
}

/** The preview's alt text: in the reader's language if the country has it, else the country's default, else any of its languages. */
function altFor(asset: MediaAsset, country: Country, uiLanguage: string): { text: string; lang?: string } {
  const order = [uiLanguage, country.defaultLanguage, ...country.languages].filter((lang) => country.languages.includes(lang as ContentLanguage));
  const lang = order.find((candidate) => asset.alt[candidate as ContentLanguage]?.text);
  return lang ? { text: asset.alt[lang as ContentLanguage]!.text, lang } : { text: '' };
}

/** WebVTT files per language: upload, replace, remove. */
function CaptionFiles({ country, asset, onChange }: { country: Country; asset: MediaAsset; onChange: (a: MediaAsset) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const run = async (request: () => Promise<MediaAsset>) => {
    setError(undefined);
    try {
      onChange(await request());
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <fieldset className="caption-files">
      <legend>{t('studio.media.captions')}</legend>
      {country.languages.map((lang) => (
        <div key={lang} className="row">
          <label>
            <span>{t('studio.media.captionsFor', { language: t(`languages.${lang}`) })}</span>
            <input
              type="file"
              accept=".vtt,text/vtt"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void run(async () => apiText<MediaAsset>('PUT', apiRoutes.studio.captions(country.id, asset.id, lang).path, CAPTIONS_CONTENT_TYPE, await file.text()));
              }}
            />
          </label>
          {asset.captionLanguages.includes(lang) && (
            <>
              <a href={apiRoutes.media.captions(asset.id, lang)}>{t('studio.media.captionsPresent')}</a>{' '}
              <button type="button" className="secondary" onClick={() => void run(() => api<MediaAsset>('DELETE', apiRoutes.studio.captions(country.id, asset.id, lang).path))}>
                {t('studio.remove')}
                <span className="visually-hidden"> {t('studio.media.captionsFor', { language: t(`languages.${lang}`) })}</span>
              </button>
            </>
          )}
        </div>
      ))}
      <FailureAlert error={error} />
    </fieldset>
  );
}

/** What the curator sees of the file itself: its preview, or where its processing stands. */
function AssetPreview({ asset, country }: { asset: MediaAsset; country: Country }) {
  const { t, i18n } = useTranslation();
  if (asset.status === 'ready' && asset.derivativeWidths.length > 0) {
    const alt = altFor(asset, country, i18n.language);
    return <img src={apiRoutes.media.derivative(asset.id, asset.derivativeWidths[0])} alt={alt.text} lang={alt.lang} width={160} />;
  }
  if (asset.status === 'failed') {
    // The reason comes from the image library, in English: a detail beside the translated sentence.
    return (
      <p role="status" className="error">
        {t('studio.media.failed')}{' '}
        {asset.failureReason && (
          <span className="muted small" lang="en">
            {asset.failureReason}
          </span>
        )}
      </p>
    );
  }
  return <p role="status">{t(`studio.media.${asset.status}`)}</p>;
}

/** One attached asset: its preview and the texts every asset needs (alt, caption, credit, rights; transcript for sound). */
export function AssetDetails({ country, assetId }: { country: Country; assetId: string }) {
  const { t } = useTranslation();
  const url = apiRoutes.studio.asset(country.id, assetId).path;
  const [asset, setAsset, loadError] = useAsset(url);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  if (!asset) return <FailureAlert error={loadError} />;
  const edit = (patch: Partial<MediaAsset>) => (setAsset({ ...asset, ...patch }), setSaved(false));
  const timed = TIMED_MEDIA_KINDS.includes(asset.kind);
  const saveTexts = async () => {
    const texts = { caption: asset.caption, credit: asset.credit, rights: asset.rights };
    setSaveError(undefined);
    try {
      setAsset(await api<MediaAsset>('PATCH', url, asset.kind === 'image' ? { ...texts, alt: asset.alt } : { ...texts, transcript: asset.transcript }));
      setSaved(true);
    } catch (failure) {
      setSaveError(failure);
    }
  };
  return (
    <div className="attached-media" data-status={asset.status}>
      <AssetPreview asset={asset} country={country} />
      <FailureAlert error={loadError} />
      <p className="muted small">
        {t(`media.kinds.${asset.kind}`)} · {asset.originalName ?? asset.id}
      </p>
      {asset.kind === 'image' && <LocalizedField label={t('studio.media.alt')} value={asset.alt} languages={country.languages} onChange={(alt) => edit({ alt })} />}
      <LocalizedField label={t('studio.media.caption')} value={asset.caption} languages={country.languages} onChange={(caption) => edit({ caption })} />
      <LocalizedField label={t('studio.media.credit')} value={asset.credit} languages={country.languages} onChange={(credit) => edit({ credit })} />
      <label>
        <span>{t('studio.media.rights')}</span>
        <input type="url" value={asset.rights ?? ''} placeholder="https://creativecommons.org/licenses/by/4.0/" onChange={(e) => edit({ rights: e.target.value || null })} />
      </label>
      {timed && (
        <>
          <LocalizedField label={t('studio.media.transcript')} multiline value={asset.transcript} languages={country.languages} onChange={(transcript) => edit({ transcript })} />
          {/* Only the captions list comes from the server here: unsaved texts being typed stay. */}
          <CaptionFiles country={country} asset={asset} onChange={(next) => setAsset({ ...asset, captionLanguages: next.captionLanguages })} />
        </>
      )}
      <button type="button" className="secondary" onClick={() => void saveTexts()}>
        {t('studio.media.saveTexts')}
      </button>
      {saved && <span role="status"> {t('studio.saved')}</span>}
      <FailureAlert error={saveError} />
    </div>
  );
}
