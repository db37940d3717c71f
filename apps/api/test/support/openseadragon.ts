import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// jsdom ships no types of its own; this is the little of it used here.
const { JSDOM, VirtualConsole } = require('jsdom') as {
  JSDOM: new (html: string, options: object) => { window: { document: object; navigator: object; close(): void } };
  VirtualConsole: new () => object;
};

type TileSource = {
  minLevel: number;
  maxLevel: number;
  getNumTiles(level: number): { x: number; y: number };
  getTileUrl(level: number, x: number, y: number): string;
};
type IiifTileSource = { new (options: object): TileSource; prototype: { configure(data: object, url: string): object } };

let loaded: IiifTileSource | undefined;

/**
 * OpenSeadragon's own IIIF tile source (the version the web app ships),
 * loaded once under a throwaway DOM: it needs `window` while its module
 * runs, not to work out tile URLs. The globals are put back at once, so
 * nothing else in the test process sees a browser.
 */
function iiifTileSource(): IiifTileSource {
  if (loaded) return loaded;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { virtualConsole: new VirtualConsole() });
  const names = ['window', 'document', 'self', 'navigator'] as const;
  const saved = names.map((name) => Object.getOwnPropertyDescriptor(globalThis, name));
  const fakes = { window: dom.window, document: dom.window.document, self: dom.window, navigator: dom.window.navigator };
  for (const name of names) Object.defineProperty(globalThis, name, { value: fakes[name], configurable: true, writable: true });
  try {
    loaded = (require('openseadragon') as { IIIFTileSource: IiifTileSource }).IIIFTileSource;
  } finally {
    names.forEach((name, i) => {
      if (saved[i]) Object.defineProperty(globalThis, name, saved[i]);
      else delete (globalThis as Record<string, unknown>)[name];
    });
    dom.window.close();
  }
  return loaded;
}

/** Every tile URL OpenSeadragon asks for to show an image at each of its zoom levels, from its info.json. */
export function openSeadragonTileUrls(info: { id: string }): string[] {
  const Source = iiifTileSource();
  const source = new Source(Source.prototype.configure(structuredClone(info), `${info.id}/info.json`));
  const urls: string[] = [];
  for (let level = source.minLevel; level <= source.maxLevel; level++) {
    const { x: columns, y: rows } = source.getNumTiles(level);
    for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) urls.push(source.getTileUrl(level, x, y));
  }
  return urls;
}
