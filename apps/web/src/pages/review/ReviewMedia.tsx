import { type MediaAsset, apiRoutes } from '@vitrina/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type FileDecision, useFileDecision } from '../../api/review';
import { useStudioMedia } from '../../api/media';
import { Notice, type NoticeState, errorNotice } from '../../components/staff/Notice';

/** The smallest picture of a file the country's staff may load, if it has one. */
function thumbnailOf(asset: MediaAsset): string | null {
  if (asset.status !== 'ready' || asset.derivativeWidths.length === 0) return null;
  return apiRoutes.media.derivative(asset.id, Math.min(...asset.derivativeWidths));
}

/**
 * The country's files, each of which a moderator may withdraw from visitors
 * everywhere at once (and restore), whatever records show it.
 */
export function ReviewMedia() {
  const { t, i18n } = useTranslation();
  const { countryId = '' } = useParams();
  const files = useStudioMedia(countryId);
  const fileDecision = useFileDecision(countryId);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState<string>();

  const decide = async (asset: MediaAsset, decision: FileDecision) => {
    setBusy(asset.id);
    try {
      await fileDecision.mutateAsync({ assetId: asset.id, decision, body: reason.trim() ? { comment: reason.trim() } : {} });
      setNotice({ kind: 'ok', key: `review.media.done.${decision}` });
      setReason('');
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="files-heading" className="review-media">
      <h2 id="files-heading">{t('review.media.heading')}</h2>
      <p className="muted">{t('review.media.intro')}</p>
      <label>
        <span>{t('review.media.reason')}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={5000} />
      </label>
      <Notice notice={notice ?? (files.error ? errorNotice(files.error) : undefined)} />
      {files.data && files.data.items.length === 0 && <p className="muted">{t('review.media.empty')}</p>}
      {files.data && files.data.items.length > 0 && (
        <table className="stacked">
          <thead>
            <tr>
              <th scope="col">{t('review.media.file')}</th>
              <th scope="col">{t('review.type')}</th>
              <th scope="col">{t('review.media.state')}</th>
              <th scope="col">{t('review.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {files.data.items.map((asset) => {
              const name = asset.originalName ?? asset.id;
              const thumbnail = thumbnailOf(asset);
              const decision: FileDecision = asset.withdrawnAt ? 'restore' : 'withdraw';
              return (
                <tr key={asset.id} className={asset.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>
                    {thumbnail && <img src={thumbnail} alt="" width={64} loading="lazy" />} {name}
                  </td>
                  <td data-label={t('review.type')}>{t(`media.kinds.${asset.kind}`)}</td>
                  <td data-label={t('review.media.state')}>
                    {asset.withdrawnAt
                      ? t('review.media.withdrawn', { date: new Date(asset.withdrawnAt).toLocaleString(i18n.language) })
                      : t('review.media.available')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t(`review.media.${decision}File`, { name })}
                      disabled={busy !== undefined}
                      onClick={() => decide(asset, decision)}
                    >
                      {t(`review.media.${decision}`)}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
