import type { PublicMedia } from '@vitrina/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { IiifManifestLink, dragAndDropUrl, manifestUrl } from './IiifManifestLink';

const ID = '0b6f6a52-3d1c-4c39-9a0e-0e8f1f6b7a11';

function media(kind: PublicMedia['kind'], widths: number[]): PublicMedia {
  return {
    id: `${kind}-${widths.length}`,
    kind,
    width: 1600,
    height: 1200,
    thumbhash: null,
    widths,
    tiled: false,
    tileScaleFactors: null,
    mimeType: kind === 'image' ? 'image/jpeg' : 'application/pdf',
    alt: null,
    caption: null,
    credit: null,
    rights: null,
    fileUrl: null,
    captions: [],
    transcript: null,
  };
}

describe('IiifManifestLink', () => {
  afterEach(cleanup);

  it('links the manifest and the IIIF drag-and-drop address that names it, in the UI language', async () => {
    await i18n.changeLanguage('en');
    render(<IiifManifestLink kind="items" id={ID} media={[media('image', [400, 800])]} />);
    const manifest = `${window.location.origin}/iiif/manifests/items/${ID}`;
    expect(screen.getByRole('link', { name: 'IIIF manifest (JSON)' }).getAttribute('href')).toBe(manifest);
    const drag = new URL(screen.getByRole('link', { name: 'Open in a IIIF viewer' }).getAttribute('href')!);
    expect(drag.searchParams.get('manifest')).toBe(manifest);
    expect(`${drag.origin}${drag.pathname}`).toBe(manifest);

    await i18n.changeLanguage('ru');
    expect(await screen.findByRole('link', { name: 'Открыть в просмотрщике IIIF' })).toBeTruthy();
  });

  it('shows nothing for a record without pictures its manifest would show', async () => {
    await i18n.changeLanguage('en');
    const { container } = render(<IiifManifestLink kind="people" id={ID} media={[null, media('document', [400]), media('image', [])]} />);
    expect(container.innerHTML).toBe('');
  });

  it('builds the addresses viewers expect', () => {
    expect(manifestUrl('memorials', ID, 'https://museum.example')).toBe(`https://museum.example/iiif/manifests/memorials/${ID}`);
    expect(dragAndDropUrl('https://museum.example/iiif/manifests/exhibitions/x')).toBe(
      'https://museum.example/iiif/manifests/exhibitions/x?manifest=https%3A%2F%2Fmuseum.example%2Fiiif%2Fmanifests%2Fexhibitions%2Fx',
    );
  });
});
