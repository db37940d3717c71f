import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { NoticeState } from '../admin/Notice';
import { type Collection, studioApi } from './studio-context';

interface Saved {
  id: string;
  version: number;
}

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

  useEffect(() => {
    if (!id) return;
    api<T & Saved>('GET', studioApi(countryId, collection, `/${id}`))
      .then((record) => {
        setDocument(record);
        setVersion(record.version);
      })
      .catch((error: Error) => setNotice({ kind: 'error', message: error.message }));
  }, [countryId, collection, id]);

  async function save(payload: object): Promise<void> {
    setSaving(true);
    try {
      const saved = id
        ? await api<T & Saved>('PUT', studioApi(countryId, collection, `/${id}`), { ...payload, version })
        : await api<T & Saved>('POST', studioApi(countryId, collection), payload);
      setDocument(saved);
      setVersion(saved.version);
      setNotice({ kind: 'ok', key: 'studio.saved' });
      if (!id) navigate(`/studio/${countryId}/${collection}/${saved.id}`, { replace: true, state: { saved: true } });
    } catch (error) {
      setNotice({ kind: 'error', message: (error as Error).message });
    } finally {
      setSaving(false);
    }
  }

  return { document, setDocument, save, saving, notice };
}

/** Strips the fields the server manages from a loaded record before it is sent back. */
export function editable<T extends object>(record: T): Omit<T, 'id' | 'countryId' | 'status' | 'version' | 'createdAt' | 'updatedAt'> {
  const { id: _id, countryId: _c, status: _s, version: _v, createdAt: _cr, updatedAt: _u, ...rest } = record as Record<string, unknown>;
  return rest as never;
}
