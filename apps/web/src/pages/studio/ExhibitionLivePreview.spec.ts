import { createExhibitionSchema } from '@vitrina/contracts';
import { describe, expect, it } from 'vitest';
import { previewable } from './ExhibitionLivePreview';

const id = () => crypto.randomUUID();
const title = { ru: { text: 'Выставка', status: 'original' as const } };

describe('previewable', () => {
  it('leaves out blocks still waiting for their records or files, and the server-kept fields, so the schema takes it', () => {
    const text = { id: id(), type: 'text' as const, body: { ru: { text: 'Текст', status: 'original' as const } } };
    const saved = {
      id: id(),
      version: 3,
      status: 'draft',
      slug: 'my-exhibition',
      title,
      sections: [{ id: id(), blocks: [text, { id: id(), type: 'item' as const, itemId: '' }, { id: id(), type: 'gallery' as const, itemIds: [] }, { id: id(), type: 'media' as const, assetIds: [] }] }],
    };
    const body = previewable(saved);
    expect(body).toEqual({ slug: 'my-exhibition', title, sections: [{ id: saved.sections[0].id, blocks: [text] }] });
    expect(createExhibitionSchema.safeParse(body).success).toBe(true);
  });

  it('stands in for an address not written, or not valid yet', () => {
    expect(previewable({ slug: '', title, sections: [] }).slug).toBe('preview');
    expect(previewable({ slug: 'Моя выставка', title, sections: [] }).slug).toBe('preview');
  });
});
