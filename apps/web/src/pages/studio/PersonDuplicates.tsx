import type { Country, PersonDuplicate, PersonMergeResult } from '@vitrina/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMergePerson, usePersonDuplicates } from '../../api/studio';
import { useAuth } from '../../auth/auth-context';
import { FailureAlert } from '../../components/staff/FailureAlert';
import { Notice, type NoticeState, errorNotice } from '../../components/staff/Notice';

/** Born–died as far as known: "1918–1942", "?–1942", "1918–?". */
const lifespan = (candidate: PersonDuplicate) =>
  candidate.birthYear === null && candidate.deathYear === null ? null : `${candidate.birthYear ?? '?'}–${candidate.deathYear ?? '?'}`;

/** May this person merge people of the country (a moderator's act, as the API enforces)? */
function useMayMerge(countryId: string): boolean {
  const { me } = useAuth();
  return Boolean(me && (me.user.isAdmin || me.memberships.some((m) => m.countryId === countryId && m.role === 'moderator')));
}

/** The question before a merge, saying what happens; Escape or Cancel keeps both records. */
function MergeDialog({ candidate, busy, onConfirm, onCancel }: { candidate: PersonDuplicate | undefined; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (candidate && element && !element.open) element.showModal();
    if (!candidate && element?.open) element.close();
  }, [candidate]);
  return (
    <dialog ref={dialog} className="merge-dialog" aria-labelledby="merge-title" aria-describedby="merge-body" onCancel={onCancel}>
      <h2 id="merge-title">{t('duplicates.confirm.title', { name: candidate?.name ?? '' })}</h2>
      <div id="merge-body">
        <ul>
          <li>{t('duplicates.confirm.draft')}</li>
          <li>{t('duplicates.confirm.live')}</li>
          <li>{t('duplicates.confirm.retired')}</li>
          <li>{t('duplicates.confirm.history')}</li>
        </ul>
      </div>
      <div className="actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('duplicates.confirm.cancel')}
        </button>
        <button type="button" disabled={busy} onClick={onConfirm}>
          {t('duplicates.confirm.merge')}
        </button>
      </div>
    </dialog>
  );
}

/** What the merge kept of the survivor over the duplicate's different values, for a curator to check. */
function MergeOutcome({ result }: { result: PersonMergeResult | undefined }) {
  const { t } = useTranslation();
  if (!result || result.conflicts.length === 0) return null;
  return (
    <div className="merge-conflicts">
      <p>{t('duplicates.conflicts', { count: result.conflicts.length })}</p>
      <ul>
        {result.conflicts.map((conflict) => (
          <li key={`${conflict.copy} ${conflict.field}`}>
            {t('duplicates.conflict', { field: conflict.field, kept: conflict.kept, dropped: conflict.dropped, copy: t(`duplicates.copies.${conflict.copy}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Possible duplicates" of a person in their editor: people of the same
 * country whose names match in any script, with their years, unit and the
 * reasons; each opens in its own editor. Moderators may merge one into this
 * record, after a dialog that says what happens.
 */
export function PersonDuplicates({ country, id, version, dirty, onMerged }: { country: Country; id: string; version: number; dirty: boolean; onMerged: () => void }) {
  const { t } = useTranslation();
  const duplicates = usePersonDuplicates(country.id, id);
  const merge = useMergePerson(country.id, id);
  const mayMerge = useMayMerge(country.id);
  const [asked, setAsked] = useState<PersonDuplicate>();
  const [notice, setNotice] = useState<NoticeState>();
  const [result, setResult] = useState<PersonMergeResult>();

  const confirm = async () => {
    if (!asked) return;
    try {
      const merged = await merge.mutateAsync({ duplicateId: asked.id, version, duplicateVersion: asked.version });
      setResult(merged);
      setNotice({ kind: 'ok', key: 'duplicates.merged' });
      onMerged();
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setAsked(undefined);
    }
  };

  const items = duplicates.data?.items ?? [];
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-heading">
      <h3 id="duplicates-heading">{t('duplicates.heading')}</h3>
      {duplicates.error ? <FailureAlert error={duplicates.error} /> : null}
      {duplicates.isPending && <p className="muted">{t('duplicates.loading')}</p>}
      {duplicates.isSuccess && items.length === 0 && <p className="muted">{t('duplicates.none')}</p>}
      {mayMerge && dirty && items.length > 0 && <p className="muted">{t('duplicates.saveFirst')}</p>}
      {items.length > 0 && (
        <ul className="duplicates">
          {items.map((candidate) => (
            <li key={candidate.id}>
              <Link to={`/studio/${country.id}/people/${candidate.id}`}>{candidate.name}</Link>
              {lifespan(candidate) && <span> ({lifespan(candidate)})</span>}
              {candidate.unit && <span className="muted"> · {candidate.unit}</span>}
              <span className="muted"> · {t('duplicates.score', { score: candidate.score })}</span>
              {candidate.isLive && <span className="badge">{t('workflow.live')}</span>}
              <p className="reasons">{candidate.reasons.map((reason) => t(`duplicates.reasons.${reason}`)).join(' · ')}</p>
              {mayMerge && (
                <button type="button" className="secondary" disabled={dirty || merge.isPending} onClick={() => setAsked(candidate)}>
                  {t('duplicates.merge')}
                  <span className="visually-hidden"> {candidate.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Notice notice={notice} />
      <MergeOutcome result={result} />
      <MergeDialog candidate={asked} busy={merge.isPending} onConfirm={() => void confirm()} onCancel={() => setAsked(undefined)} />
    </section>
  );
}
