import type { PublicMedia } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { Text } from '../content/Text';
import { ResponsiveImage } from './ResponsiveImage';

function Tracks({ media }: { media: PublicMedia }) {
  const { t, i18n } = useTranslation();
  return media.captions.map((track) => (
    <track
      key={track.lang}
      kind="captions"
      src={track.url}
      srcLang={track.lang}
      label={t(`languages.${track.lang}`, { defaultValue: track.lang })}
      default={track.lang === i18n.language}
    />
  ));
}

/** Sound and film with their captions and transcript; a document as its first page and a download link. */
export function MediaPlayer({ media }: { media: PublicMedia }) {
  const { t } = useTranslation();
  const label = media.caption?.text ?? media.alt?.text ?? t(`media.kinds.${media.kind}`);
  return (
    <figure className={`media-player media-${media.kind}`}>
      {media.kind === 'video' && (
        <video controls preload="metadata" src={media.fileUrl ?? undefined} aria-label={label}>
          <Tracks media={media} />
        </video>
      )}
      {media.kind === 'audio' && (
        <audio controls preload="metadata" src={media.fileUrl ?? undefined} aria-label={label}>
          <Tracks media={media} />
        </audio>
      )}
      {media.kind === 'document' && (
        <a className="document-link" href={media.fileUrl ?? undefined} download>
          {media.widths.length > 0 ? <ResponsiveImage media={media} sizes="16rem" /> : <span className="document-icon" aria-hidden="true">PDF</span>}
          <span>{t('media.download', { name: label })}</span>
        </a>
      )}
      {media.caption && <Text value={media.caption} as="figcaption" />}
      {media.transcript && (
        <details className="transcript">
          <summary>{t('media.transcript')}</summary>
          <Text value={media.transcript} as="p" />
        </details>
      )}
    </figure>
  );
}
