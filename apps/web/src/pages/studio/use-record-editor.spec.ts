import { describe, expect, it } from 'vitest';
import { editable } from './use-record-editor';

describe('editable', () => {
  it('sends back the document without the fields the server manages', () => {
    const loaded = {
      id: 'r',
      countryId: 'c',
      status: 'draft',
      version: 3,
      liveRevision: null,
      reviewComment: null,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-02T00:00:00Z',
      slug: 'flask',
      kind: 'artefact',
      title: { ru: { text: 'Фляга', status: 'original' } },
    };
    expect(editable(loaded)).toEqual({ slug: 'flask', kind: 'artefact', title: { ru: { text: 'Фляга', status: 'original' } } });
  });
});
