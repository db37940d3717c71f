import { type ContentLanguage, type Country, type MediaAsset, TIMED_MEDIA_KINDS, apiRoutes } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { useAsset, useSetCaptions } from '../../api/media';
import { FailureAlert } from '../../components/staff/FailureAlert';
import { LocalizedField } from './LocalizedField';
import { FileRightsField } from './rights';
import { type AssetTexts, useMediaTextEdits } from './media-text-edits';

/** The preview's alt text: in the reader's language if the country has it, else the country's default, else any of its languages. */
function altFor(asset: MediaAsset, country: Country, uiLanguage: string): { text: string; lang?: string } {
  const order = [uiLanguage, country.defaultLanguage, ...country.languages].filter((lang) => country.languages.includes(lang as ContentLanguage));
  const lang = order.find((candidate) => asset.alt[candidate as ContentLanguage]?.text);
  return lang ? { text: asset.alt[lang as ContentLanguage]!.text, lang } : { text: '' };
}

/**
 * WebVTT files per language: upload, replace, remove, at once (a file of its
 * own, not a text of the record). The file's entry in the cache takes each
 * answer, and the record counts as changed: its next save snapshots the
 * captions its moderator reviews.
 */
function CaptionFiles({ country, asset, onChanged }: { country: Country; asset: MediaAsset; onChanged: () => void }) {
  const { t } = useTranslation();
  const captions = useSetCaptions(country.id, asset.id);
  // Failures are shown from the mutation's state; the promise's rejection has nothing more to say.
  const set = (lang: string, vtt: string | null) => captions.mutateAsync({ lang, vtt }).then(onChanged, () => {});
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
                if (file) void file.text().then((vtt) => set(lang, vtt));
              }}
            />
          </label>
          {asset.captionLanguages.includes(lang) && (
            <>
              <a href={apiRoutes.media.captions(asset.id, lang)}>{t('studio.media.captionsPresent')}</a>{' '}
              <button type="button" className="secondary" onClick={() => void set(lang, null)}>
                {t('studio.remove')}
                <span className="visually-hidden"> {t('studio.media.captionsFor', { language: t(`languages.${lang}`) })}</span>
              </button>
            </>
          )}
        </div>
      ))}
      <FailureAlert error={captions.error ?? undefined} />
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

/**
 * One attached asset: its preview and the texts every asset needs (alt,
 * caption, credit, rights; transcript for sound). The texts being edited are
 * the record editor's (they are saved with the record, by its one Save), laid
 * over the file as the server last sent it: a poll or a captions change keeps them.
 */
export function AssetDetails({ country, assetId }: { country: Country; assetId: string }) {
  const { t } = useTranslation();
  const loaded = useAsset(country.id, assetId);
  const texts = useMediaTextEdits();
  const loadError = loaded.error ?? undefined;
  if (!loaded.data) return <FailureAlert error={loadError} />;
  const asset = { ...loaded.data, ...texts.edits[assetId] };
  const edit = (patch: AssetTexts) => texts.edit(assetId, patch);
  const timed = TIMED_MEDIA_KINDS.includes(asset.kind);
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
      <FileRightsField value={asset.rights} onChange={(rights) => edit({ rights })} />
      {timed && (
        <>
          <LocalizedField label={t('studio.media.transcript')} multiline value={asset.transcript} languages={country.languages} onChange={(transcript) => edit({ transcript })} />
          <CaptionFiles country={country} asset={asset} onChanged={texts.captionsChanged} />
        </>
      )}
    </div>
  );
}
