import { type Collection, type ContentStatus, kindOfCollection } from '@vitrina/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useRecord, useSaveRecord } from '../../api/studio';
import { documentIssues } from '../../components/forms/validation';
import type { NoticeState } from '../../components/staff/Notice';

interface Saved {
  id: string;
  version: number;
}

/** Where the record stands in review, beside its document. */
export interface RecordState {
  status: ContentStatus;
  version: number;
  liveRevision: number | null;
  reviewComment: string | null;
}

const stateOf = (record: RecordState): RecordState => ({
  status: record.status,
  version: record.version,
  liveRevision: record.liveRevision,
  reviewComment: record.reviewComment,
});

/**
 * Loads a record for editing (or starts a new one) and saves it with the
 * version it was loaded at, so someone else's save in between is a conflict.
 */
export function useRecordEditor<T extends object>(countryId: string, collection: Collection, id: string | undefined, blank: T) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [document, setDocument] = useState<T | undefined>(id ? undefined : blank);
  // A record just created arrives here through a navigation; its "saved" notice travels with it.
  const [notice, setNotice] = useState<NoticeState>(
    (location.state as { saved?: boolean } | null)?.saved ? { kind: 'ok', key: 'studio.saved' } : undefined,
  );
  const record = useRecord<T & Saved & RecordState>(countryId, collection, id);
  const saveRecord = useSaveRecord<T & Saved & RecordState>(countryId, collection, id);

  // The record as loaded, and again whenever the cache holds a newer copy (a save, a workflow step, a
  // reload), and a failed load as a notice. Adjusted while rendering, as React advises for state that
  // follows a changed input: an effect would first paint the old copy, then render again.
  const [shown, setShown] = useState<{ data?: T & Saved & RecordState; error?: unknown }>({});
  if (record.data && record.data !== shown.data) {
    setShown((was) => ({ ...was, data: record.data }));
    setDocument(record.data);
  }
  if (record.error && record.error !== shown.error) {
    setShown((was) => ({ ...was, error: record.error }));
    setNotice({ kind: 'error', message: record.error.message });
  }
  // Saves name the version last loaded; the review state is that copy's.
  const version = shown.data?.version;
  const state = useMemo(() => shown.data && stateOf(shown.data), [shown.data]);

  async function save(payload: object): Promise<void> {
    const body = id ? { ...payload, version } : payload;
    // The API checks the body against the same schema of the registry: a document it would refuse is
    // refused here, before the round trip, in the same notice.
    const kind = kindOfCollection(collection);
    const refused = documentIssues(id ? kind.updateSchema : kind.createSchema, body, t);
    if (refused) {
      setNotice({ kind: 'error', message: refused });
      return;
    }
    try {
      // The cache takes the saved record, and the adjustment while rendering (above) shows it.
      const saved = await saveRecord.mutateAsync(body);
      if (!id) setDocument(saved);
      setNotice({ kind: 'ok', key: 'studio.saved' });
      if (!id) navigate(`/studio/${countryId}/${collection}/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (error) {
      setNotice({ kind: 'error', message: (error as Error).message });
    }
  }

  /** Loads the record again (after a submission, a restore…). */
  const reload = () => void record.refetch();
  return { document, setDocument, save, saving: saveRecord.isPending, notice, state, reload };
}

/** The fields the server manages: a loaded record has them, a save must not send them back. */
type Managed = 'id' | 'countryId' | 'status' | 'version' | 'liveRevision' | 'reviewComment' | 'createdAt' | 'updatedAt';

/** Strips the fields the server manages from a loaded record before it is sent back. */
export function editable<T extends object>(record: T & Partial<Record<Managed, unknown>>): Omit<T, Managed> {
  const { id: _id, countryId: _countryId, status: _status, version: _version, liveRevision: _live, reviewComment: _comment, createdAt: _created, updatedAt: _updated, ...rest } = record;
  return rest;
}
