import type { StudioListEntry } from '@vitrina/contracts';
import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import { useRecordsByIds } from '../../api/exhibitions';

/** The collections an exhibition points into. */
export type PickedCollection = 'items' | 'memorials';

interface RecordLookup {
  /** A record the editor points to (or a picker has shown), by id; undefined while it loads or when it is gone. */
  get: (collection: PickedCollection, id: string) => StudioListEntry | undefined;
  /** Keeps an entry a picker showed, so a record just chosen has its title before the lookup answers. */
  remember: (collection: PickedCollection, entry: StudioListEntry) => void;
}

const LookupContext = createContext<RecordLookup>({ get: () => undefined, remember: () => {} });

/** Titles and thumbnails of every item and memorial the exhibition points to, fetched by id in one request per collection. */
export function RecordLookupProvider({ countryId, lang, itemIds, memorialIds, children }: { countryId: string; lang: string; itemIds: string[]; memorialIds: string[]; children: ReactNode }) {
  const items = useRecordsByIds(countryId, 'items', itemIds, lang);
  const memorials = useRecordsByIds(countryId, 'memorials', memorialIds, lang);
  const [seen, setSeen] = useState<ReadonlyMap<string, StudioListEntry>>(new Map());
  const remember = useCallback(
    (collection: PickedCollection, entry: StudioListEntry) => setSeen((was) => new Map(was).set(`${collection}:${entry.id}`, entry)),
    [],
  );
  const lookup = useMemo<RecordLookup>(() => {
    const fetched = { items: items.data, memorials: memorials.data };
    return { get: (collection, id) => fetched[collection]?.get(id) ?? seen.get(`${collection}:${id}`), remember };
  }, [items.data, memorials.data, seen, remember]);
  return <LookupContext.Provider value={lookup}>{children}</LookupContext.Provider>;
}

export function useRecordLookup(): RecordLookup {
  return useContext(LookupContext);
}
