import { CAPTIONS_CONTENT_TYPE, type Country, type MediaAsset, TIMED_MEDIA_KINDS } from '@vitrina/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiText } from '../../api/client';
import { LocalizedField } from './LocalizedField';

/** Polls an asset while its derivatives are being made. */
function useAsset(url: string): [MediaAsset | undefined, (asset: MediaAsset) => void] {
  const [asset, setAsset] = useState<MediaAsset>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      api<MediaAsset>('GET', url).then((loaded) => {
        setAsset(loaded);
        if (loaded.status === 'processing') timer = setTimeout(load, 1000);
      });
    void load();
    return () => clearTimeout(timer);
  }, [url]);
  return [asset, setAsset];
}

/** WebVTT files per language: upload, replace, remove. */
function CaptionFiles({ country, asset, url, onChange }: { country: Country; asset: MediaAsset; url: string; onChange: (a: MediaAsset) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const upload = async (lang: string, file: File) => {
    setError(undefined);
    try {
      onChange(await apiText<MediaAsset>('PUT', `${url}/captions/${lang}`, CAPTIONS_CONTENT_TYPE, await file.text()));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <fieldset className="caption-files">
      <legend>{t('studio.media.captions')}</legend>
      {country.languages.map((lang) => (
        <div key={lang} className="row">
          <label>
            <span>{t('studio.media.captionsFor', { language: t(`languages.${lang}`) })}</span>
            <input type="file" accept=".vtt,text/vtt" onChange={(e) => e.target.files?.[0] && void upload(lang, e.target.files[0])} />
          </label>
          {asset.captionLanguages.includes(lang) && (
            <>
              <a href={`/api/media/${asset.id}/captions/${lang}.vtt`}>{t('studio.media.captionsPresent')}</a>{' '}
              <button type="button" className="secondary" onClick={async () => onChange(await api<MediaAsset>('DELETE', `${url}/captions/${lang}`))}>
                {t('studio.remove')}
                <span className="visually-hidden"> {t('studio.media.captionsFor', { language: t(`languages.${lang}`) })}</span>
              </button>
            </>
          )}
        </div>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** One attached asset: its preview and the texts every asset needs (alt, caption, credit, rights; transcript for sound). */
export function AssetDetails({ country, assetId }: { country: Country; assetId: string }) {
  const { t } = useTranslation();
  const url = `/api/studio/countries/${country.id}/media/${assetId}`;
  const [asset, setAsset] = useAsset(url);
  const [saved, setSaved] = useState(false);
  if (!asset) return null;
  const edit = (patch: Partial<MediaAsset>) => (setAsset({ ...asset, ...patch }), setSaved(false));
  const timed = TIMED_MEDIA_KINDS.includes(asset.kind);
  return (
    <div className="attached-media" data-status={asset.status}>
      {asset.status === 'ready' && asset.derivativeWidths.length > 0 ? (
        <img src={`/api/media/${asset.id}/w${asset.derivativeWidths[0]}.webp`} alt={asset.alt.ru?.text ?? asset.alt.en?.text ?? ''} width={160} />
      ) : (
        <p role="status">{t(`studio.media.${asset.status}`, { reason: asset.failureReason ?? '' })}</p>
      )}
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
          <CaptionFiles country={country} asset={asset} url={url} onChange={(next) => setAsset({ ...asset, captionLanguages: next.captionLanguages })} />
        </>
      )}
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const texts = { caption: asset.caption, credit: asset.credit, rights: asset.rights };
          setAsset(await api<MediaAsset>('PATCH', url, asset.kind === 'image' ? { ...texts, alt: asset.alt } : { ...texts, transcript: asset.transcript }));
          setSaved(true);
        }}
      >
        {t('studio.media.saveTexts')}
      </button>
      {saved && <span role="status"> {t('studio.saved')}</span>}
    </div>
  );
}
