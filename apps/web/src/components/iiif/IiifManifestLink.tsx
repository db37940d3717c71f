import type { PublicMedia } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
// A file of its own, not inlined: the visitor pages' JavaScript budget is tight (tests/specs/visitor-bundle.spec.ts).
import iiifLogo from './iiif-logo.svg?no-inline';

/** The record kinds with a IIIF Presentation 3 manifest, as their manifests' paths name them. */
export type ManifestKind = 'items' | 'exhibitions' | 'memorials' | 'people';

/** Where a record's manifest is: under /iiif on the site's own origin, as the API and the web server serve it. */
export function manifestUrl(kind: ManifestKind, id: string, origin = window.location.origin): string {
  return `${origin}/iiif/manifests/${kind}/${id}`;
}

/**
 * The IIIF drag-and-drop link: a click opens the manifest itself, and a viewer the link is dropped
 * on (Mirador, Universal Viewer) reads the manifest's address from its `manifest` query parameter.
 */
export function dragAndDropUrl(manifest: string): string {
  return `${manifest}?manifest=${encodeURIComponent(manifest)}`;
}

/** A manifest lists a record's images only (pictures with derivatives): not its audio, video or documents. */
export function hasManifestImages(media: readonly (PublicMedia | null | undefined)[]): boolean {
  return media.some((m) => m?.kind === 'image' && m.widths.length > 0);
}

/**
 * "Open in a IIIF viewer" for a record's page: the IIIF drag-and-drop link with the IIIF logo, and
 * the manifest's own address to copy into a viewer. Nothing when the page shows no image, whose
 * manifest would be empty.
 */
export function IiifManifestLink({ kind, id, media }: { kind: ManifestKind; id: string; media: readonly (PublicMedia | null | undefined)[] }) {
  const { t } = useTranslation();
  if (!hasManifestImages(media)) return null;
  const manifest = manifestUrl(kind, id);
  return (
    <div className="page iiif-link no-print">
      <p>
        <a className="iiif-drag" href={dragAndDropUrl(manifest)} type="application/ld+json">
          <img src={iiifLogo} alt="" width={32} height={26} />
          <span>{t('iiif.open')}</span>
        </a>
        <a className="iiif-manifest" href={manifest} type="application/ld+json">
          {t('iiif.manifest')}
        </a>
      </p>
      <p className="small muted">{t('iiif.hint')}</p>
    </div>
  );
}
