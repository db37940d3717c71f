import type { ChangedAsset, LocalizedText } from '@vitrina/contracts';
import { describe, expect, it } from 'vitest';
import { entryNames, referencedRecordIds } from './entry-labels';
import { longestRisingRun } from './entry-lists';
import { diffRevisions } from './revision-diff';

const text = (words: string) => ({ text: words, status: 'original' });
const MEDAL = '11111111-1111-4111-8111-111111111111';
const LETTER = '22222222-2222-4222-8222-222222222222';
const STELE = '33333333-3333-4333-8333-333333333333';
const PHOTO = '44444444-4444-4444-8444-444444444444';
const titles = new Map<string, LocalizedText>([
  [MEDAL, { ru: { text: 'Дедушкина медаль', status: 'original' }, en: { text: 'Grandfather’s medal', status: 'original' } }],
  [LETTER, { en: { text: 'A letter home', status: 'original' } }],
  [STELE, { en: { text: 'Stele in Almaty', status: 'original' } }],
]);
const files = new Map<string, ChangedAsset>([[PHOTO, { name: 'parade-1945.jpg', kind: 'image', thumbnail: null }]]);
const names = entryNames({ reading: 'en', countryDefault: 'ru', titles, files });
const diff = (live: object | null, latest: object) => diffRevisions({ content: live as Record<string, unknown>, mediaTexts: {} }, { content: latest as Record<string, unknown>, mediaTexts: {} }, files, names);

const intro = { id: 'b-intro', type: 'text', body: { en: text('<p>Hundreds of <strong>thousands</strong> went to the front from the steppe and the mountains.</p>') } };
const medal = { id: 'b-medal', type: 'item', itemId: MEDAL, caption: { en: text('Kept in a drawer') } };
const quote = { id: 'b-quote', type: 'quote', text: { en: text('I will be back soon.') } };
const exhibition = (blocks: object[], more: object = {}) => ({
  slug: 'war-years',
  title: { en: text('War years') },
  sections: [{ id: 's-road', title: { en: text('The road') }, blocks }, { id: 's-home', title: { en: text('Home') }, blocks: [] }],
  ...more,
});
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('the review diff', () => {
  it('tells a block moved up as one move, named by the title of the item it shows, with no ids anywhere', () => {
    const changes = diff(exhibition([intro, quote, medal]), exhibition([intro, medal, quote]));
    expect(changes).toEqual([
      { kind: 'moved', path: 'sections.0.blocks', from: 2, to: 1, label: { of: 'block', blockType: 'item', text: 'Grandfather’s medal' }, within: [{ of: 'section', text: 'The road' }], field: 'blocks' },
    ]);
    expect(JSON.stringify(changes.map((change) => ('label' in change ? change.label : change.within)))).not.toMatch(uuids);
  });

  it('shows a change inside a moved block as a field change of that block, and new and gone blocks by their words', () => {
    const edited = { ...medal, caption: { en: text('Found in a drawer') } };
    const changes = diff(exhibition([intro, quote, medal]), exhibition([edited, intro, { id: 'b-new', type: 'quote', text: { en: text('Бәріміз де қайтамыз, ұмытпаңыз!') } }]));
    expect(changes).toEqual([
      { kind: 'removed', path: 'sections.0.blocks', from: 1, to: null, label: { of: 'block', blockType: 'quote', text: 'I will be back soon.' }, within: [{ of: 'section', text: 'The road' }], field: 'blocks' },
      { kind: 'moved', path: 'sections.0.blocks', from: 2, to: 0, label: { of: 'block', blockType: 'item', text: 'Grandfather’s medal' }, within: [{ of: 'section', text: 'The road' }], field: 'blocks' },
      {
        path: 'sections.0.blocks.0.caption',
        lang: 'en',
        change: 'changed',
        before: text('Kept in a drawer'),
        after: text('Found in a drawer'),
        within: [{ of: 'section', text: 'The road' }, { of: 'block', blockType: 'item', text: 'Grandfather’s medal' }],
        field: 'caption',
      },
      { kind: 'added', path: 'sections.0.blocks', from: null, to: 2, label: { of: 'block', blockType: 'quote', text: 'Бәріміз де қайтамыз, ұмытпаңыз!' }, within: [{ of: 'section', text: 'The road' }], field: 'blocks' },
      {
        path: 'sections.0.blocks.2.text',
        lang: 'en',
        change: 'added',
        before: null,
        after: text('Бәріміз де қайтамыз, ұмытпаңыз!'),
        within: [{ of: 'section', text: 'The road' }, { of: 'block', blockType: 'quote', text: 'Бәріміз де қайтамыз, ұмытпаңыз!' }],
        field: 'text',
      },
    ]);
  });

  it('names a text block by its first words without markup', () => {
    const [change] = diff(exhibition([quote]), exhibition([quote, intro]));
    expect(change).toMatchObject({ kind: 'added', label: { of: 'block', blockType: 'text', text: 'Hundreds of thousands went to the front from…' } });
  });

  it('follows a block into another section as one move, saying where it came from', () => {
    const live = exhibition([intro, medal]);
    const latest = { ...live, sections: [{ ...live.sections[0], blocks: [intro] }, { ...live.sections[1], blocks: [medal] }] };
    expect(diff(live, latest)).toEqual([
      {
        kind: 'moved',
        path: 'sections.1.blocks',
        from: 1,
        to: 0,
        fromPath: 'sections.0.blocks',
        fromWithin: [{ of: 'section', text: 'The road' }],
        label: { of: 'block', blockType: 'item', text: 'Grandfather’s medal' },
        within: [{ of: 'section', text: 'Home' }],
        field: 'blocks',
      },
    ]);
  });

  it('names referenced records and files by title and name: a cover item changed, a gallery and a map given more, a media list reordered', () => {
    const gallery = { id: 'b-gallery', type: 'gallery', itemIds: [MEDAL] };
    const map = { id: 'b-map', type: 'map', itemIds: [], memorialIds: [] };
    const changes = diff(
      exhibition([gallery, map], { coverItemId: MEDAL, coverMediaId: PHOTO }),
      exhibition([{ ...gallery, itemIds: [LETTER, MEDAL] }, { ...map, memorialIds: [STELE] }], { coverItemId: LETTER, coverMediaId: PHOTO }),
    );
    const labels = changes.map((change) => ('kind' in change ? [change.kind, change.path, change.label.of, change.label.text] : [change.change, change.path]));
    expect(labels).toEqual([
      ['added', 'sections.0.blocks.0.itemIds', 'item', 'A letter home'],
      ['added', 'sections.0.blocks.1.memorialIds', 'memorial', 'Stele in Almaty'],
      ['removed', 'coverItemId', 'item', 'Grandfather’s medal'],
      ['added', 'coverItemId', 'item', 'A letter home'],
    ]);
    const media = diff({ media: [{ assetId: PHOTO }, { assetId: MEDAL }] }, { media: [{ assetId: MEDAL }, { assetId: PHOTO }] });
    expect(media).toEqual([{ kind: 'moved', path: 'media', from: 1, to: 0, label: { of: 'file', text: null }, assetId: MEDAL }]);
  });

  it('compares tags and ranks per language, a file’s captions versions key by key', () => {
    const changes = diff({ tags: [{ ru: 'войлок', en: 'felt' }] }, { tags: [{ ru: 'войлок', en: 'felt' }, { ru: 'ковёр', kk: 'кілем' }], people: [{ name: 'Қасымов', rank: { ru: 'сержант' } }] });
    expect(changes).toEqual([
      { path: 'tags.1', lang: 'ru', change: 'added', before: null, after: 'ковёр' },
      { path: 'tags.1', lang: 'kk', change: 'added', before: null, after: 'кілем' },
      { path: 'people.0.name', change: 'added', before: null, after: 'Қасымов' },
      { path: 'people.0.rank', lang: 'ru', change: 'added', before: null, after: 'сержант' },
    ]);
    const texts = (ru: string) => ({ alt: {}, caption: {}, credit: {}, rights: null, transcript: {}, captionLanguages: ['ru'], captionVersions: { ru } });
    const captions = diffRevisions({ content: {}, mediaTexts: { [PHOTO]: texts('aaa') } }, { content: {}, mediaTexts: { [PHOTO]: texts('bbb') } }, files, names);
    expect(captions).toEqual([{ path: 'mediaTexts.captionVersions.ru', change: 'changed', before: 'aaa', after: 'bbb', assetId: PHOTO, asset: files.get(PHOTO) }]);
  });

  it('finds every record a document refers to', () => {
    expect(referencedRecordIds([exhibition([medal, { id: 'm', type: 'map', itemIds: [LETTER], memorialIds: [STELE] }], { coverItemId: MEDAL })]).sort()).toEqual([MEDAL, LETTER, STELE].sort());
  });

  it('keeps the longest run in order, the entry that went up counting as moved', () => {
    expect([...longestRisingRun([1, 0, 2])].sort()).toEqual([1, 2]);
    expect([...longestRisingRun([4, 0, 1, 2, 3])].sort()).toEqual([1, 2, 3, 4]);
    expect([...longestRisingRun([])]).toEqual([]);
  });
});
