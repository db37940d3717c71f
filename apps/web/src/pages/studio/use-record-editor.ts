import type { ContentStatus } from '@vitrina/contracts';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { NoticeState } from '../admin/Notice';
import { type Collection, studioApi } from './studio-context';

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
  const navigate = useNavigate();
  const location = useLocation();
  const [document, setDocument] = useState<T | undefined>(id ? undefined : blank);
  const [version, setVersion] = useState<number>();
  // A record just created arrives here through a navigation; its "saved" notice travels with it.
  const [notice, setNotice] = useState<NoticeState>(
    (location.state as { saved?: boolean } | null)?.saved ? { kind: 'ok', key: 'studio.saved' } : undefined,
  );
  const [saving, setSaving] = useState(false);
  const [state, setState] = useState<RecordState>();
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    if (!id) return;
    api<T & Saved & RecordState>('GET', studioApi(countryId, collection, `/${id}`))
      .then((record) => {
        setDocument(record);
        setVersion(record.version);
        setState(stateOf(record));
      })
      .catch((error: Error) => setNotice({ kind: 'error', message: error.message }));
  }, [countryId, collection, id, loads]);

  async function save(payload: object): Promise<void> {
    setSaving(true);
    try {
      const saved = id
        ? await api<T & Saved & RecordState>('PUT', studioApi(countryId, collection, `/${id}`), { ...payload, version })
        : await api<T & Saved & RecordState>('POST', studioApi(countryId, collection), payload);
      setDocument(saved);
      setVersion(saved.version);
      setState(stateOf(saved));
      setNotice({ kind: 'ok', key: 'studio.saved' });
      if (!id) navigate(`/studio/${countryId}/${collection}/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (error) {
      setNotice({ kind: 'error', message: (error as Error).message });
    } finally {
      setSaving(false);
    }
  }

  /** Loads the record again (after a submission, a restore…). */
  const reload = () => setLoads((n) => n + 1);
  return { document, setDocument, save, saving, notice, state, reload };
}

const MANAGED = ['id', 'countryId', 'status', 'version', 'liveRevision', 'reviewComment', 'createdAt', 'updatedAt'] as const;

/** Strips the fields the server manages from a loaded record before it is sent back. */
export function editable<T extends object>(record: T): Omit<T, (typeof MANAGED)[number]> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !(MANAGED as readonly string[]).includes(key))) as never;
}
