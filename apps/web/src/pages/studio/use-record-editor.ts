import { type Collection, type ContentStatus, apiRoutes, kindOfCollection, mediaIdsIn } from '@vitrina/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/client';
import { useMediaTextsSaved } from '../../api/media';
import { useRecord, useSaveRecord, useWorkflowAction } from '../../api/studio';
import { useAuth } from '../../auth/auth-context';
import { documentIssues } from '../../components/forms/validation';
import { type DraftKey, type KeptDraft, readDraft } from './draft-store';
import { type AssetTexts, type MediaTextEdits, textsToSend } from './media-text-edits';
import { type FieldDifference, changedFields, sameDocument } from './record-changes';
import { useKeptDraft } from './use-kept-draft';

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

type Loaded<T> = T & Saved & RecordState;

const stateOf = (record: RecordState): RecordState => ({
  status: record.status,
  version: record.version,
  liveRevision: record.liveRevision,
  reviewComment: record.reviewComment,
});

/** The fields the server manages: a loaded record has them, a save must not send them back. */
type Managed = 'id' | 'countryId' | 'status' | 'version' | 'liveRevision' | 'reviewComment' | 'createdAt' | 'updatedAt' | 'mergedInto';

/** Strips the fields the server manages from a loaded record before it is sent back. */
export function editable<T extends object>(record: T & Partial<Record<Managed, unknown>>): Omit<T, Managed> {
  const { id: _id, countryId: _countryId, status: _status, version: _version, liveRevision: _live, reviewComment: _comment, createdAt: _created, updatedAt: _updated, mergedInto: _merged, ...rest } = record;
  return rest;
}

/** The server copy the curator's edits started from: saves name its version, so someone else's save in between is a conflict. */
interface Basis<T> {
  version: number | undefined;
  document: T;
}

/** What the last save or submission came to; the bar reads it beside whether anything is unsaved. */
export type EditorOutcome =
  | { kind: 'idle' }
  | { kind: 'busy'; action: 'save' | 'submit' }
  | { kind: 'saved' }
  | { kind: 'submitted' }
  | { kind: 'failed'; action: 'save' | 'submit'; error?: unknown; issues?: string };

/** Someone else saved the record since the curator's edits started: what changed there, field by field. */
export interface Conflict<T> {
  server: Loaded<T>;
  changes: FieldDifference[];
}

/** A draft kept on this device from an earlier visit, offered back; `moved` when the server's version changed since. */
export interface DraftOffer<T> {
  draft: KeptDraft<T>;
  moved: boolean;
}

/** Navigation state a new record's editor gets from the one that created it. */
interface Arrival<T> {
  saved?: boolean;
  submitted?: boolean;
  /** Edits typed while the record was being created, carried into its own editor. */
  carried?: { document: T; mediaTexts: Record<string, AssetTexts> };
}

/** A draft worth offering: it differs from the record as it is now. */
function offerOf<T>(draft: KeptDraft<T> | undefined, basis: Basis<T>): DraftOffer<T> | undefined {
  if (!draft) return undefined;
  const differs = !sameDocument(draft.document, basis.document) || Object.keys(draft.mediaTexts).length > 0 || draft.captionsChanged;
  return differs ? { draft, moved: (draft.basedOn ?? undefined) !== basis.version } : undefined;
}

const isVersionConflict = (error: unknown) => error instanceof ApiRequestError && error.status === 409;

/** Issues about a file's texts name the file by its place in the record (`File 2 › Alternative text`), not by its id. */
function namingFiles(issues: string, shown: string[], t: TFunction): string {
  return issues.replace(/mediaTexts\.([0-9a-f-]{36})\.(\w+)/g, (whole, assetId: string, field: string) =>
    shown.includes(assetId) ? `${t('studio.media.number', { number: shown.indexOf(assetId) + 1 })} › ${t(`review.paths.${field}`, { defaultValue: field })}` : whole,
  );
}

/**
 * A record's editor state: loads the record (or starts a new one), tracks
 * what is unsaved (the document and the texts of its files), saves both in
 * one request with the version the edits started from, submits (saving
 * first), keeps a draft on this device and offers it back, and turns a
 * conflicting save into a choice instead of a loss.
 */
export function useRecordEditor<T extends object>(countryId: string, collection: Collection, id: string | undefined, blank: T) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const record = useRecord<Loaded<T>>(countryId, collection, id);
  const saveRecord = useSaveRecord<Loaded<T>>(countryId, collection, id);
  const workflow = useWorkflowAction(countryId, collection);
  const textsSaved = useMediaTextsSaved(countryId);

  const userId = me?.user.id;
  const draftKey = useMemo<DraftKey | undefined>(() => (userId ? { userId, countryId, collection, recordId: id ?? 'new' } : undefined), [userId, countryId, collection, id]);
  const [arrival] = useState<Arrival<T>>(() => (location.state as Arrival<T> | null) ?? {});
  // Read once: a reload of this address must not bring the arrival's carried edits or notice back.
  useEffect(() => {
    if (location.state) navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);
  const newBasis = (): Basis<T> => ({ version: undefined, document: blank });

  const [document, setDocument] = useState<T | undefined>(id ? undefined : blank);
  const [basis, setBasis] = useState<Basis<T> | undefined>(id ? undefined : newBasis);
  const [mediaTexts, setMediaTexts] = useState<Record<string, AssetTexts>>({});
  const [captionsChanged, setCaptionsChanged] = useState(false);
  const [outcome, setOutcome] = useState<EditorOutcome>(arrival.submitted ? { kind: 'submitted' } : arrival.saved ? { kind: 'saved' } : { kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict<T>>();
  const [offer, setOffer] = useState<DraftOffer<T>>();

  const dirty = useMemo(
    () => document !== undefined && basis !== undefined && (captionsChanged || Object.keys(mediaTexts).length > 0 || !sameDocument(document, basis.document)),
    [document, basis, mediaTexts, captionsChanged],
  );

  // The record as loaded, and again whenever the cache holds a newer copy (a save, a workflow step, a
  // reload). Adjusted while rendering, as React advises for state that follows a changed input. Unsaved
  // edits are never replaced: they stay based on the copy they started from, and a save then tells.
  const [shown, setShown] = useState<Loaded<T>>();
  if (record.data && record.data !== shown) {
    setShown(record.data);
    const loaded = { version: record.data.version, document: editable(record.data) as T };
    if (!basis) {
      const carried = arrival.carried;
      setDocument(carried?.document ?? loaded.document);
      if (carried) setMediaTexts(carried.mediaTexts);
      setBasis(loaded);
    } else if (!dirty) {
      setDocument(loaded.document);
      setBasis(loaded);
    }
  }
  // A draft kept from an earlier visit is looked for once the record (and who is editing) is known;
  // until then nothing is written over it.
  const [draftLookedFor, setDraftLookedFor] = useState<DraftKey>();
  const [staleDraft, setStaleDraft] = useState(false);
  if (basis && draftKey && draftLookedFor !== draftKey) {
    const kept = readDraft<T>(draftKey);
    const offered = offerOf(kept, basis);
    setDraftLookedFor(draftKey);
    setOffer(offered);
    // A kept draft holding nothing the record lacks is this editor's to remove.
    setStaleDraft(kept !== undefined && offered === undefined);
  }
  const [loadError, setLoadError] = useState<unknown>();
  if (record.error && record.error !== loadError) setLoadError(record.error);

  const state = useMemo(() => shown && stateOf(shown), [shown]);

  // The latest document, for work that finishes after later keystrokes (a save's answer, a creation).
  const latest = useRef({ document, mediaTexts });
  useEffect(() => {
    latest.current = { document, mediaTexts };
  });
  /** Set just before the editor navigates on its own (to a record it created): that is no leaving. */
  const navigatingAway = useRef(false);

  const { keptAt, heldElsewhere, otherTabs, adopt: adoptDraft, forget: forgetDraft } = useKeptDraft<T>(
    draftKey,
    useMemo(
      () => (dirty && document && basis ? { basedOn: basis.version ?? null, base: basis.document, document, mediaTexts, captionsChanged } : undefined),
      [dirty, document, basis, mediaTexts, captionsChanged],
    ),
    offer !== undefined || document === undefined || draftLookedFor !== draftKey,
  );

  useEffect(() => {
    if (staleDraft) adoptDraft();
  }, [staleDraft, adoptDraft]);

  const mediaTextEdits = useMemo<MediaTextEdits>(
    () => ({
      edits: mediaTexts,
      edit: (assetId, patch) => setMediaTexts((all) => ({ ...all, [assetId]: { ...all[assetId], ...patch } })),
      captionsChanged: () => setCaptionsChanged(true),
    }),
    [mediaTexts],
  );

  /** The save itself: the document and its shown files' texts, with the version the edits are based on. */
  async function persist(version = basis?.version): Promise<Loaded<T> | undefined> {
    if (!document || !basis) return undefined;
    const sentDocument = document;
    const sentTexts = textsToSend(mediaTexts, mediaIdsIn(document));
    const body = { ...editable(document), ...(id ? { version } : {}), ...(Object.keys(sentTexts).length > 0 ? { mediaTexts: sentTexts } : {}) };
    // The API checks the body against the same schema of the registry: a body it would refuse is refused
    // here, before the round trip, in the UI language.
    const kind = kindOfCollection(collection);
    const refused = documentIssues(id ? kind.updateBodySchema : kind.createBodySchema, body, t);
    if (refused) {
      setOutcome({ kind: 'failed', action: 'save', issues: namingFiles(refused, mediaIdsIn(document), t) });
      return undefined;
    }
    setOutcome({ kind: 'busy', action: 'save' });
    try {
      const saved = await saveRecord.mutateAsync(body);
      textsSaved(sentTexts);
      const now = { version: saved.version, document: editable(saved) as T };
      setBasis(now);
      setConflict(undefined);
      // Texts typed into a file while the save was on its way stay unsaved; the rest are saved.
      setMediaTexts((all) => Object.fromEntries(Object.entries(all).filter(([assetId, texts]) => texts !== mediaTexts[assetId])));
      setCaptionsChanged(false);
      setDocument((current) => (current === sentDocument ? now.document : current));
      setOutcome({ kind: 'saved' });
      return saved;
    } catch (error) {
      setOutcome({ kind: 'failed', action: 'save', error });
      if (id && isVersionConflict(error)) await showConflict();
      return undefined;
    }
  }

  /** After a 409: the server's copy, and what changed there since the edits' basis (none: the 409 was something else, a slug taken). */
  async function showConflict(): Promise<void> {
    const fresh = (await record.refetch()).data;
    if (!fresh || !basis || fresh.version === basis.version) return;
    setConflict({ server: fresh, changes: changedFields(basis.document, editable(fresh)) });
  }

  /** A record created opens at its own address; what was typed meanwhile goes along. */
  function openCreated(saved: Loaded<T>, arrivalState: Omit<Arrival<T>, 'carried'>) {
    const { document: now, mediaTexts: texts } = latest.current;
    const carried = now && !sameDocument(now, editable(saved)) ? { document: now, mediaTexts: texts } : undefined;
    forgetDraft();
    navigatingAway.current = true;
    navigate(`/studio/${countryId}/${collection}/${saved.id}`, { replace: true, state: { ...arrivalState, carried } satisfies Arrival<T> });
  }

  async function save(): Promise<Loaded<T> | undefined> {
    const saved = await persist();
    if (saved && !id) openCreated(saved, { saved: true });
    return saved;
  }

  /** Submits for review the version the curator sees: unsaved changes are saved first, and a failed save submits nothing. */
  async function submit(): Promise<void> {
    const saved = dirty || !id ? await persist() : undefined;
    if ((dirty || !id) && !saved) return;
    const recordId = saved?.id ?? id!;
    const version = saved?.version ?? basis?.version;
    setOutcome({ kind: 'busy', action: 'submit' });
    try {
      await workflow.mutateAsync({ path: apiRoutes.studio.workflow(countryId, collection, recordId, 'submit').path, body: { version } });
      if (!id && saved) return openCreated(saved, { submitted: true });
      setOutcome({ kind: 'submitted' });
      void record.refetch();
    } catch (error) {
      setOutcome({ kind: 'failed', action: 'submit', error });
      if (!id && saved) openCreated(saved, { saved: true });
    }
  }

  /** Keeps the curator's text over the server's newer version: a save based on that version. */
  async function keepMine(): Promise<void> {
    if (!conflict) return;
    setBasis({ version: conflict.server.version, document: editable(conflict.server) as T });
    await persist(conflict.server.version);
  }

  /** Takes the server's version (the curator confirmed): their edits and file texts are dropped. */
  function takeServer(): void {
    if (!conflict) return;
    const server = { version: conflict.server.version, document: editable(conflict.server) as T };
    setDocument(server.document);
    setBasis(server);
    setMediaTexts({});
    setCaptionsChanged(false);
    setConflict(undefined);
    setOutcome({ kind: 'idle' });
  }

  /** Puts a kept draft back; when the server moved on since, the choice between the two versions comes first. */
  function restoreDraft(): void {
    if (!offer || !basis) return;
    const { draft, moved } = offer;
    adoptDraft();
    setDocument(draft.document);
    setMediaTexts(draft.mediaTexts);
    setCaptionsChanged(draft.captionsChanged);
    setOffer(undefined);
    if (moved && shown) {
      setBasis({ version: draft.basedOn ?? undefined, document: draft.base });
      setConflict({ server: shown, changes: changedFields(draft.base, editable(shown)) });
    }
  }

  /** Drops the kept draft (the curator chose so); the next change keeps a new one. */
  const discardDraft = () => {
    adoptDraft();
    setOffer(undefined);
  };

  /** Loads the record again (after a workflow step, a restore…). */
  const reload = () => void record.refetch();

  return {
    document,
    setDocument,
    dirty,
    outcome,
    loadError,
    state,
    isNew: !id,
    keptAt,
    heldElsewhere,
    otherTabs,
    mediaTextEdits,
    save,
    submit,
    saving: outcome.kind === 'busy',
    conflict,
    keepMine,
    takeServer,
    offer,
    restoreDraft,
    discardDraft,
    navigatingAway,
    reload,
  };
}

export type RecordEditor<T extends object> = ReturnType<typeof useRecordEditor<T>>;
