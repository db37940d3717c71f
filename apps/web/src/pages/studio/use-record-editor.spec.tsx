import { act, cleanup, render, waitFor } from '@testing-library/react';
import type { ItemDocument } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../api/client';
import { TEST_CURATOR, inDataRouter } from '../../testing/router';
import { type DraftKey, type KeptDraft, draftStorageKey, keepDraft, readDraft } from './draft-store';
import { type RecordEditor, editable, useRecordEditor } from './use-record-editor';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const COUNTRY = '6f1c1f8e-3a53-4d6e-9a47-1c2b3d4e5f60';
const ID = '1d7c4b2a-5e6f-4a8b-9c0d-112233445566';
const PHOTO = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const OTHER_PHOTO = '0f1e2d3c-4b5a-4968-8776-655443322110';
const text = (value: string) => ({ text: value, status: 'original' as const });
const DOCUMENT: ItemDocument = { slug: 'kiiz-kilem', kind: 'artefact', title: { ru: text('Войлочный ковёр') }, tags: [], media: [{ assetId: PHOTO }] };
const loaded = (version = 3, document: ItemDocument = DOCUMENT) => ({
  ...document,
  id: ID,
  countryId: COUNTRY,
  status: 'draft',
  version,
  liveRevision: null,
  reviewComment: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});
const draftKey: DraftKey = { userId: TEST_CURATOR.user.id, countryId: COUNTRY, collection: 'items', recordId: ID };

/** The API as the editor meets it: who is signed in, the record, and `onWrite` for saves. */
function serve(record: object, onWrite: (method: string, body: Record<string, unknown>) => unknown = () => undefined) {
  api.mockImplementation(async (method: string, path: string, body: Record<string, unknown>) => {
    if (method === 'GET' && path === '/api/auth/me') return TEST_CURATOR;
    if (method === 'GET') return record;
    return onWrite(method, body);
  });
}

/** Renders an item's editor hook and hands back the latest editor after each render. */
function openEditor(id: string | null = ID) {
  const seen: { current?: RecordEditor<ItemDocument> } = {};
  function Probe() {
    seen.current = useRecordEditor<ItemDocument>(COUNTRY, 'items', id ?? undefined, { slug: '', kind: 'artefact', title: {}, tags: [], media: [] });
    return null;
  }
  const { router, element } = inDataRouter(<Probe />, `/studio/${COUNTRY}/items/${id ?? 'new'}`);
  render(element);
  return { editor: () => seen.current!, router };
}

const writes = () => api.mock.calls.filter(([method]) => method !== 'GET');

afterEach(() => {
  cleanup();
  api.mockReset();
  localStorage.clear();
});

describe('editable', () => {
  it('sends back the document without the fields the server manages', () => {
    expect(editable(loaded())).toEqual(DOCUMENT);
  });
});

describe('the record editor', () => {
  it('knows when something is unsaved: a changed field or a file text, not a change undone', async () => {
    serve(loaded());
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toEqual(DOCUMENT));
    expect(editor().dirty).toBe(false);
    act(() => editor().setDocument({ ...DOCUMENT, title: { ru: text('Войлочный ковёр, 1942') } }));
    expect(editor().dirty).toBe(true);
    act(() => editor().setDocument({ ...DOCUMENT, title: { ru: text('Войлочный ковёр') } }));
    expect(editor().dirty).toBe(false);
    act(() => editor().mediaTextEdits.edit(PHOTO, { alt: { kk: text('Киіз кілем') } }));
    expect(editor().dirty).toBe(true);
  });

  it('saves the record and the texts of the files it shows in one request, then has nothing unsaved and no draft', async () => {
    serve(loaded(), (method, body) => (method === 'PUT' ? loaded(4, { ...DOCUMENT, title: body.title as ItemDocument['title'] }) : undefined));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => {
      editor().setDocument({ ...DOCUMENT, title: { ru: text('Ковёр, войлок, эвакуация') } });
      editor().mediaTextEdits.edit(PHOTO, { alt: { kk: text('Қазақ киіз кілемі') } });
      editor().mediaTextEdits.edit(OTHER_PHOTO, { alt: { ru: text('Файл убран из записи') } });
    });
    await waitFor(() => expect(readDraft(draftKey)?.document).toMatchObject({ title: { ru: text('Ковёр, войлок, эвакуация') } }));
    await act(() => editor().save());
    expect(writes()).toEqual([
      ['PUT', `/api/studio/countries/${COUNTRY}/items/${ID}`, { ...DOCUMENT, title: { ru: text('Ковёр, войлок, эвакуация') }, version: 3, mediaTexts: { [PHOTO]: { alt: { kk: text('Қазақ киіз кілемі') } } } }],
    ]);
    expect(editor().dirty).toBe(false);
    expect(editor().outcome).toEqual({ kind: 'saved' });
    await waitFor(() => expect(localStorage.getItem(draftStorageKey(draftKey))).toBeNull());
  });

  it('leaves alone the draft another tab kept of the same record when its own save succeeds', async () => {
    serve(loaded(), (method) => (method === 'PUT' ? loaded(4) : undefined));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => editor().setDocument({ ...DOCUMENT, tags: [{ ru: 'эта вкладка' }] }));
    await waitFor(() => expect(editor().keptAt).toBeDefined());
    // The other tab took the kept draft over (the person restored it there), so it wrote over this one.
    const otherTab: KeptDraft<ItemDocument> = { keptAt: '2026-03-01T12:00:00.000Z', basedOn: 3, base: DOCUMENT, document: { ...DOCUMENT, tags: [{ ru: 'другая вкладка' }] }, mediaTexts: {}, captionsChanged: false, tab: 'other-tab' };
    expect(keepDraft(draftKey, otherTab, localStorage, true)).toBe('kept');
    await act(() => editor().save());
    await waitFor(() => expect(editor().keptAt).toBeUndefined());
    expect(readDraft(draftKey)).toEqual(otherTab);
  });

  it('never writes over the draft another tab keeps of the same record, says so, and keeps its own once that one is gone', async () => {
    serve(loaded());
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    const otherTab: KeptDraft<ItemDocument> = { keptAt: '2026-03-01T12:00:00.000Z', basedOn: 3, base: DOCUMENT, document: { ...DOCUMENT, tags: [{ ru: 'другая вкладка' }] }, mediaTexts: {}, captionsChanged: false, tab: 'other-tab' };
    expect(keepDraft(draftKey, otherTab)).toBe('kept');
    act(() => editor().setDocument({ ...DOCUMENT, tags: [{ ru: 'эта вкладка' }] }));
    await waitFor(() => expect(editor().heldElsewhere).toBe(true));
    expect(editor().keptAt).toBeUndefined();
    expect(readDraft(draftKey)).toEqual(otherTab);
    // The other tab saved: its draft left the slot, which the browser tells this tab by a storage event.
    localStorage.removeItem(draftStorageKey(draftKey));
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: draftStorageKey(draftKey), newValue: null })));
    await waitFor(() => expect(editor().keptAt).toBeDefined());
    expect(editor().heldElsewhere).toBe(false);
    expect(readDraft<ItemDocument>(draftKey)?.document.tags).toEqual([{ ru: 'эта вкладка' }]);
  });

  it('counts a captions file uploaded since the last save as unsaved, so the next save snapshots it', async () => {
    serve(loaded(), (method) => (method === 'PUT' ? loaded(4) : undefined));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => editor().mediaTextEdits.captionsChanged());
    expect(editor().dirty).toBe(true);
    await act(() => editor().save());
    expect(writes()).toEqual([['PUT', `/api/studio/countries/${COUNTRY}/items/${ID}`, { ...DOCUMENT, version: 3 }]]);
    expect(editor().dirty).toBe(false);
  });

  it('creates a new record and submits it in one go, then opens it at its own address', async () => {
    const created = { ...loaded(1), status: 'draft' };
    api.mockImplementation(async (method: string, path: string) => {
      if (method === 'GET' && path === '/api/auth/me') return TEST_CURATOR;
      if (method === 'GET') return created;
      return method === 'POST' && path.endsWith('/items') ? created : undefined;
    });
    const { editor, router } = openEditor(null);
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => editor().setDocument(DOCUMENT));
    await act(() => editor().submit());
    expect(writes().map(([method, path, body]) => [method, path, (body as { version?: number } | undefined)?.version])).toEqual([
      ['POST', `/api/studio/countries/${COUNTRY}/items`, undefined],
      ['POST', `/api/studio/countries/${COUNTRY}/items/${ID}/submit`, 1],
    ]);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/studio/${COUNTRY}/items/${ID}`));
  });

  it('keeps what is typed while a save is on its way', async () => {
    let answer: (record: object) => void = () => {};
    serve(loaded(), () => new Promise((resolve) => (answer = resolve)));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => editor().setDocument({ ...DOCUMENT, title: { ru: text('Ковёр') } }));
    let saving: Promise<unknown> = Promise.resolve();
    act(() => {
      saving = editor().save();
    });
    await waitFor(() => expect(writes()).toHaveLength(1));
    act(() => editor().setDocument({ ...editor().document!, title: { ru: text('Ковёр, войлок') } }));
    await act(async () => {
      answer(loaded(4, { ...DOCUMENT, title: { ru: text('Ковёр') } }));
      await saving;
    });
    expect(editor().document?.title).toEqual({ ru: text('Ковёр, войлок') });
    expect(editor().dirty).toBe(true);
  });

  it('submits only after a successful save of unsaved changes, naming the version just saved', async () => {
    serve(loaded(), (method) => (method === 'PUT' ? loaded(4) : undefined));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => editor().setDocument({ ...DOCUMENT, tags: [{ ru: 'войлок' }] }));
    await act(() => editor().submit());
    expect(writes().map(([method, path, body]) => [method, path, (body as { version?: number } | undefined)?.version])).toEqual([
      ['PUT', `/api/studio/countries/${COUNTRY}/items/${ID}`, 3],
      ['POST', `/api/studio/countries/${COUNTRY}/items/${ID}/submit`, 4],
    ]);
  });

  it('submits nothing when the save first fails, and keeps the text', async () => {
    serve(loaded(), () => Promise.reject(new ApiRequestError(503, undefined)));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    act(() => editor().setDocument({ ...DOCUMENT, tags: [{ ru: 'ковёр' }] }));
    await act(() => editor().submit());
    expect(writes().map(([method]) => method)).toEqual(['PUT']);
    expect(editor().document?.tags).toEqual([{ ru: 'ковёр' }]);
    expect(editor().outcome).toMatchObject({ kind: 'failed', action: 'save' });
  });

  it('offers a kept draft back instead of restoring it, and restores exactly it when asked', async () => {
    const kept: KeptDraft<ItemDocument> = {
      keptAt: '2026-03-01T11:00:00.000Z',
      basedOn: 3,
      base: DOCUMENT,
      document: { ...DOCUMENT, title: { ru: text('Ковёр, который не сохранили') } },
      mediaTexts: { [PHOTO]: { caption: { ru: text('Подпись') } } },
      captionsChanged: false,
    };
    keepDraft(draftKey, kept);
    serve(loaded());
    const { editor } = openEditor();
    await waitFor(() => expect(editor().offer).toEqual({ draft: kept, moved: false }));
    expect(editor().document).toEqual(DOCUMENT);
    act(() => editor().restoreDraft());
    expect(editor().document).toEqual(kept.document);
    expect(editor().mediaTextEdits.edits).toEqual(kept.mediaTexts);
    expect(editor().conflict).toBeUndefined();
    expect(editor().dirty).toBe(true);
  });

  it('does not offer a draft that holds nothing more than the record, and removes it', async () => {
    keepDraft(draftKey, { keptAt: '2026-03-01T11:00:00.000Z', basedOn: 3, base: DOCUMENT, document: DOCUMENT, mediaTexts: {}, captionsChanged: false });
    serve(loaded());
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    expect(editor().offer).toBeUndefined();
    await waitFor(() => expect(readDraft(draftKey)).toBeUndefined());
  });

  it('removes a kept draft the curator discards, and keeps the record as loaded', async () => {
    keepDraft(draftKey, { keptAt: '2026-03-01T11:00:00.000Z', basedOn: 3, base: DOCUMENT, document: { ...DOCUMENT, tags: [{ ru: 'лишнее' }] }, mediaTexts: {}, captionsChanged: false });
    serve(loaded());
    const { editor } = openEditor();
    await waitFor(() => expect(editor().offer).toBeDefined());
    // Not written over while the offer waits.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(readDraft<ItemDocument>(draftKey)?.document.tags).toEqual([{ ru: 'лишнее' }]);
    act(() => editor().discardDraft());
    await waitFor(() => expect(readDraft(draftKey)).toBeUndefined());
    expect(editor().document).toEqual(DOCUMENT);
  });

  it('turns a draft based on an older version into a choice, showing what changed on the server', async () => {
    const base = DOCUMENT;
    keepDraft(draftKey, { keptAt: '2026-03-01T11:00:00.000Z', basedOn: 2, base, document: { ...base, tags: [{ ru: 'мой' }] }, mediaTexts: {}, captionsChanged: false });
    serve(loaded(3, { ...DOCUMENT, slug: 'kiiz-kilem-1942' }));
    const { editor } = openEditor();
    await waitFor(() => expect(editor().offer?.moved).toBe(true));
    act(() => editor().restoreDraft());
    expect(editor().conflict?.changes).toEqual([{ path: 'slug', before: 'kiiz-kilem', after: 'kiiz-kilem-1942' }]);
    expect(editor().document?.tags).toEqual([{ ru: 'мой' }]);
  });

  it('shows a conflicting save as a choice; keeping mine saves it over the newer version', async () => {
    let server = loaded(3);
    serve(server, (_method, body) => {
      if (body.version !== server.version) return Promise.reject(new ApiRequestError(409, undefined));
      return loaded(server.version + 1, { ...DOCUMENT, tags: body.tags as ItemDocument['tags'] });
    });
    const { editor } = openEditor();
    await waitFor(() => expect(editor().document).toBeDefined());
    server = loaded(4, { ...DOCUMENT, title: { ru: text('Их заголовок') } });
    serve(server, (_method, body) => (body.version === 4 ? loaded(5, { ...DOCUMENT, tags: body.tags as ItemDocument['tags'] }) : Promise.reject(new ApiRequestError(409, undefined))));
    act(() => editor().setDocument({ ...DOCUMENT, tags: [{ ru: 'мой текст' }] }));
    await act(() => editor().save());
    expect(editor().conflict?.changes).toEqual([{ path: 'title.ru', before: text('Войлочный ковёр'), after: text('Их заголовок') }]);
    expect(editor().document?.tags).toEqual([{ ru: 'мой текст' }]);
    await act(() => editor().keepMine());
    expect(writes().map(([, , body]) => (body as { version: number }).version)).toEqual([3, 4]);
    expect(editor().conflict).toBeUndefined();
    expect(editor().dirty).toBe(false);
  });
});
