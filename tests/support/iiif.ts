import type { CountryList, PublicCountryHome, PublicItem } from '@vitrina/contracts';
import { expect, inject } from 'vitest';

/** The parts of a IIIF Presentation 3 manifest the browser specs read. */
export interface IiifManifest {
  id: string;
  type: string;
  label: Record<string, string[]>;
  items: {
    id: string;
    items: { items: { body: { id: string; service?: { id: string; type: string }[] } }[] }[];
  }[];
}

/** What the platform answers at `path` (a path on it, or an absolute address), as JSON; throws on an error status. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, inject('baseUrl')));
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The IIIF Image API services a manifest's canvases are painted from, in canvas order. */
export function imageServices(manifest: IiifManifest): string[] {
  return manifest.items.flatMap((canvas) => canvas.items.flatMap((page) => page.items.flatMap((annotation) => (annotation.body.service ?? []).map((service) => service.id))));
}

/** The image service the manifest's first canvas is painted from: the one a viewer opens on. */
export function firstCanvasService(manifest: IiifManifest): string | undefined {
  return manifest.items[0]?.items[0]?.items[0]?.body.service?.[0]?.id;
}

export interface DemoRecord {
  country: string;
  slug: string;
  id: string;
}

/**
 * A published item whose first picture is tiled (deep zoom), found through the public API in the
 * museums' recent items, read until one's pictures are processed; none whose first picture is in
 * `except` (asset ids), so a test can open pictures that differ.
 */
export async function demoItemWithTiles(except: readonly string[] = []): Promise<DemoRecord> {
  const { items: countries } = await getJson<CountryList>('/api/public/countries');
  let found: DemoRecord | undefined;
  await expect
    .poll(
      async () => {
        for (const { slug: country } of countries) {
          const home = await getJson<PublicCountryHome>(`/api/public/countries/${country}/home?lang=en`);
          for (const summary of home.recentItems.filter((item) => item.image?.kind === 'image')) {
            const item = await getJson<PublicItem>(`/api/public/countries/${country}/items/${summary.slug}?lang=en`);
            // Its first picture: the one its manifest's first canvas shows, where a viewer opens.
            const first = item.media.find((media) => media.kind === 'image');
            if (first?.tiled && !except.includes(first.id)) {
              found = { country, slug: item.slug, id: item.id };
              return true;
            }
          }
        }
        return false;
      },
      { message: 'no published item has a tiled image' },
    )
    .toBe(true);
  return found!;
}

/** A published exhibition of a demo museum whose IIIF manifest starts with a picture from an image service. */
export async function demoExhibitionWithImages(country = 'kazakhstan'): Promise<DemoRecord & { manifest: IiifManifest }> {
  let found: (DemoRecord & { manifest: IiifManifest }) | undefined;
  await expect
    .poll(async () => {
      const home = await getJson<PublicCountryHome>(`/api/public/countries/${country}/home?lang=en`);
      for (const exhibition of home.exhibitions) {
        // A record without a picture has no manifest (404).
        const response = await fetch(new URL(`/iiif/manifests/exhibitions/${exhibition.id}`, inject('baseUrl')));
        const manifest = response.ok ? ((await response.json()) as IiifManifest) : undefined;
        if (manifest && firstCanvasService(manifest)) {
          found = { country, slug: exhibition.slug, id: exhibition.id, manifest };
          return true;
        }
      }
      return false;
    }, { message: `no published exhibition of ${country} has a picture with an image service in its manifest` })
    .toBe(true);
  return found!;
}
