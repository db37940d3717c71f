import { z } from 'zod';
import { withQuery } from './client';
import { type Demo, type MediaRef, NO_SUCH_ID, type Walk, jsonOf } from './walk';

/** Words from the demo records (apps/api/src/modules/demo/demo-content), in both scripts, and one that matches nothing. */
const SEARCHES = ['Казахстан', 'письмо', 'letter', 'memorial', 'Karaganda', 'Ереван', 'zzqxv'];
const SUGGESTS = ['Ка', 'пис', 'mem', 'Yer'];
const TILE = 512;
const JPEG_WIDTH = 1600;

/** Routes of PublicCountriesController, PublicSiteController and the health and OpenAPI documents. */
async function walkSite(walk: Walk, demo: Demo): Promise<void> {
  for (const path of ['/api/health', '/api/docs-json', '/api/public/map-config', '/api/public/sitemap.xml', '/api/public/countries']) {
    await walk.get('anonymous', path);
  }
  for (const country of demo.countries) await walk.get('anonymous', `/api/public/countries/${country.slug}`);
  await walk.get('anonymous', '/api/public/countries/no-such-country');
  for (const country of demo.countries) await walk.inLanguages('anonymous', `/api/public/countries/${country.slug}/home`, true);
  await walk.get('anonymous', '/api/public/countries/no-such-country/home');
  // The country page's map points, asked for apart from the page.
  for (const country of demo.countries) await walk.inLanguages('anonymous', `/api/public/countries/${country.slug}/memorial-points`, true);
  await walk.get('anonymous', '/api/public/countries/no-such-country/memorial-points');
  for (const record of demo.records.filter((r) => r.status === 'published')) {
    await walk.inLanguages('anonymous', `/api/public/countries/${record.country.slug}/${record.collection}/${record.slug}`, true);
  }
  for (const collection of ['items', 'memorials', 'exhibitions']) {
    await walk.get('anonymous', `/api/public/countries/${demo.contentCountries[0].slug}/${collection}/no-such-record`);
  }
}

/** SearchController: queries in every language, each facet once, and a second page by cursor. */
async function walkSearch(walk: Walk, demo: Demo): Promise<void> {
  for (const q of SEARCHES) await walk.inLanguages('anonymous', withQuery('/api/public/search', { q }), true);
  const first = demo.contentCountries[0].slug;
  const facets: Record<string, string>[] = [
    { type: 'memorial' },
    { type: 'person' },
    { country: first },
    { country: demo.contentCountries.map((c) => c.slug).join(',') },
    { hasMedia: 'true' },
    { sort: 'date' },
    { condition: 'good' },
    { decade: '1940' },
    { kind: 'photograph' },
  ];
  for (const facet of facets) await walk.get('anonymous', withQuery('/api/public/search', { q: 'front', lang: 'en', ...facet }));
  const page = await walk.get('anonymous', withQuery('/api/public/search', { q: 'a', lang: 'en', limit: 3 }));
  const cursor = jsonOf(page, z.object({ next: z.string().nullable() })).next;
  if (cursor) {
    const query = { q: 'a', lang: 'en', limit: 3 };
    const path = withQuery('/api/public/search', query);
    await walk.get('anonymous', withQuery(path, { cursor }), undefined, `${path}&cursor=<cursor>`);
  }
  await walk.get('anonymous', '/api/public/search');
  for (const q of SUGGESTS) await walk.inLanguages('anonymous', withQuery('/api/public/search/suggest', { q }), true);
  await walk.get('anonymous', withQuery('/api/public/search/suggest', { q: 'Ка', country: first }));
}

/** IiifManifestsController: a manifest for every published item and exhibition. */
async function walkManifests(walk: Walk, demo: Demo): Promise<void> {
  for (const record of demo.records.filter((r) => r.status === 'published' && r.collection !== 'memorials')) {
    await walk.get('anonymous', `/iiif/manifests/${record.collection}/${record.id}`);
  }
  await walk.get('anonymous', `/iiif/manifests/items/${NO_SUCH_ID}`);
}

/** The first tile of each scale factor and every whole-image size info.json lists (bodies hashed). */
async function walkTiles(walk: Walk, asset: MediaRef): Promise<void> {
  const infoSchema = z.object({
    width: z.number(),
    height: z.number(),
    sizes: z.array(z.object({ width: z.number(), height: z.number() })),
    tiles: z.array(z.object({ scaleFactors: z.array(z.number()) })),
  });
  const info = jsonOf(await walk.get('anonymous', `/iiif/3/${asset.id}/info.json`), infoSchema);
  for (const size of info.sizes) await walk.get('anonymous', `/iiif/3/${asset.id}/full/${size.width},${size.height}/0/default.jpg`);
  for (const factor of info.tiles[0].scaleFactors) {
    const [w, h] = [Math.min(TILE * factor, info.width), Math.min(TILE * factor, info.height)];
    await walk.get('anonymous', `/iiif/3/${asset.id}/0,0,${w},${h}/${Math.ceil(w / factor)},${Math.ceil(h / factor)}/0/default.jpg`);
  }
}

/** MediaDeliveryController and IiifController: every rendition of every asset (bodies hashed). */
async function walkMedia(walk: Walk, demo: Demo): Promise<void> {
  for (const asset of demo.media) {
    for (const width of asset.derivativeWidths) await walk.get('anonymous', `/api/media/${asset.id}/w${width}.webp`);
    // The one JPEG made, for browsers without WebP (as ResponsiveImage.tsx asks for it).
    if (asset.derivativeWidths.length) {
      await walk.get('anonymous', `/api/media/${asset.id}/w${Math.min(JPEG_WIDTH, Math.max(...asset.derivativeWidths))}.jpg`);
    }
    if (asset.kind !== 'image') await walk.get('anonymous', `/api/media/${asset.id}/file`);
    for (const lang of asset.captionLanguages) await walk.get('anonymous', `/api/media/${asset.id}/captions/${lang}.vtt`);
    if (asset.tiled) await walkTiles(walk, asset);
  }
  const flat = demo.media.find((m) => !m.tiled);
  if (flat) await walk.get('anonymous', `/iiif/3/${flat.id}/info.json`);
}

export async function walkPublic(walk: Walk, demo: Demo): Promise<void> {
  await walkSite(walk, demo);
  await walkSearch(walk, demo);
  await walkManifests(walk, demo);
  await walkMedia(walk, demo);
  // An anonymous reader's CSRF token: its value is this run's secret, its shape is recorded.
  const csrf = jsonOf(await walk.get('anonymous', '/api/auth/csrf'), z.object({ csrfToken: z.string() }));
  walk.addSecret(csrf.csrfToken, 'csrf:anonymous');
}
