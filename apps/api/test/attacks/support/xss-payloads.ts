/**
 * Stored-XSS payloads and documents that carry them in every text field a
 * curator or admin can fill. Each payload sets `window.__xss` (and calls
 * alert) if it ever runs, so a browser test can tell. Shared by the API test
 * (apps/api/test/attacks/xss.spec.ts) and the browser test (tests/specs/xss.spec.ts).
 */

/** A word to find the records by in search. */
export const PROBE = 'xssprobe';

/** Script, event handler, attribute break-out, javascript: link, frame. */
export const PAYLOAD =
  '<script>window.__xss=1;alert(1)</script>' +
  '<img src=x onerror="window.__xss=2;alert(2)">' +
  '"><svg onload="window.__xss=3;alert(3)">' +
  "'><body onload=window.__xss=4>" +
  '<a href="javascript:window.__xss=5;alert(5)">link</a>' +
  '<iframe src="javascript:window.__xss=6"></iframe>' +
  'javascript:alert(7)';

/** For fields of 60 characters or fewer. */
export const SHORT = '<img src=x onerror=window.__xss=8>';

/** The text a field gets: the probe word, the field's name (to tell them apart), the payload. */
export const probe = (field: string, payload = PAYLOAD) => `${PROBE} ${field} ${payload}`;

const texts = (field: string, payload = PAYLOAD) => ({
  ru: { text: probe(`${field}-ru`, payload), status: 'original' },
  en: { text: probe(`${field}-en`, payload), status: 'original' },
});

/** A short label (a tag, a rank) in both languages. */
const labels = (field: string, payload = SHORT) => ({ ru: probe(`${field}-ru`, payload), en: probe(`${field}-en`, payload) });

const RIGHTS = 'https://creativecommons.org/licenses/by/4.0/';

export function xssItem(slug: string, imageId?: string) {
  return {
    slug,
    kind: 'artefact',
    title: texts('item-title'),
    description: texts('item-description'),
    creator: texts('item-creator'),
    date: { earliest: 1941, latest: 1945, display: texts('item-date') },
    place: texts('item-place'),
    materials: texts('item-materials'),
    dimensions: probe('dims', SHORT),
    provenance: texts('item-provenance'),
    creditLine: texts('item-credit'),
    rights: RIGHTS,
    inventoryNumber: probe('inv', SHORT),
    tags: [labels('tag'), { en: SHORT }],
    media: imageId ? [{ assetId: imageId }] : [],
    location: { lat: 41.3, lng: 69.2 },
  };
}

export function xssMemorial(slug: string, imageId?: string) {
  return {
    slug,
    kind: 'obelisk',
    title: texts('memorial-title'),
    description: texts('memorial-description'),
    creator: texts('memorial-creator'),
    place: texts('memorial-place'),
    materials: texts('memorial-materials'),
    provenance: texts('memorial-provenance'),
    creditLine: texts('memorial-credit'),
    rights: RIGHTS,
    location: { lat: 41.31, lng: 69.21 },
    address: texts('memorial-address'),
    unveilingDate: '1975-05-09',
    inscriptions: [{ original: probe('inscription'), originalLanguage: 'ru', translations: texts('inscription-translation') }],
    conditionSurveys: [{ date: '2023-06', condition: 'fair', note: texts('survey-note'), surveyor: probe('surveyor', SHORT) }],
    events: [
      { date: '1975', type: 'unveiling', description: texts('event'), actor: probe('event-actor'), media: imageId ? [{ assetId: imageId }] : [] },
    ],
    media: imageId ? [{ assetId: imageId }] : [],
  };
}

/** A person linked to the memorial, every text field probed; the biography is rich text. */
export function xssPerson(slug: string, memorialId: string, imageId?: string) {
  return {
    slug,
    name: probe('person', SHORT),
    title: texts('person-title', SHORT),
    surname: probe('surname', SHORT),
    variants: [probe('variant', SHORT)],
    birth: { date: '1910' },
    death: { date: '1943-05' },
    placeOfBirth: texts('birthplace'),
    rank: labels('rank'),
    unit: probe('unit'),
    fate: 'killed',
    memorials: [{ memorialId, role: 'burial', plot: probe('plot', SHORT) }],
    burialPlace: texts('burial-place'),
    awards: [probe('award', SHORT)],
    sources: [{ title: probe('source', SHORT), archive: probe('archive', SHORT), fond: '58', identifiers: [{ scheme: 'obd-memorial', id: '51431517' }] }],
    biography: texts('biography'),
    media: imageId ? [{ assetId: imageId }] : [],
  };
}

export function xssExhibition(slug: string, ids: { itemId: string; memorialId: string; imageId?: string }) {
  const id = () => crypto.randomUUID();
  return {
    slug,
    title: texts('exhibition-title'),
    summary: texts('exhibition-summary'),
    coverItemId: ids.itemId,
    sections: [
      {
        id: id(),
        title: texts('section-title'),
        blocks: [
          { id: id(), type: 'text', body: texts('rich', `<p>Rich <strong>text</strong> ${PAYLOAD}</p>`) },
          { id: id(), type: 'item', itemId: ids.itemId, caption: texts('item-caption') },
          { id: id(), type: 'gallery', itemIds: [ids.itemId], caption: texts('gallery-caption') },
          { id: id(), type: 'quote', text: texts('quote'), attribution: texts('attribution') },
          { id: id(), type: 'map', itemIds: [ids.itemId], memorialIds: [ids.memorialId], caption: texts('map-caption') },
          ...(ids.imageId ? [{ id: id(), type: 'media', assetIds: [ids.imageId], caption: texts('media-block-caption') }] : []),
        ],
      },
    ],
  };
}

export function xssMediaTexts() {
  return { alt: texts('alt'), caption: texts('caption'), credit: texts('media-credit'), transcript: texts('transcript'), rights: RIGHTS };
}

export const XSS_VTT =
  'WEBVTT\n\n00:00.000 --> 00:02.000\n<script>window.__xss=9</script><img src=x onerror=window.__xss=10>\n\n' +
  '00:02.000 --> 00:04.000\n<c.x onclick=alert(1)>"><svg onload=window.__xss=11></c>\n';

export function xssCountry(slug: string) {
  return {
    slug,
    names: { ru: probe('name-ru', SHORT), en: probe('name-en', SHORT) },
    defaultLanguage: 'ru',
    languages: ['ru', 'en'],
    intro: texts('intro', `<p>Intro <em>text</em> ${PAYLOAD}</p>`),
  };
}

/** Markup that must never survive in rich text. */
export const DANGEROUS = [/<script/i, /<iframe/i, /<svg/i, /<img/i, /<body/i, /<[^>]*\son[a-z]+\s*=/i, /<[^>]*(href|src)\s*=\s*["']?\s*javascript:/i];

/** Every string anywhere inside a JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
