import type { PublicMapPoint } from '@vitrina/contracts';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMapConfig } from '../../api/public';
import { recordPage } from '../../api/public-paths';
import { Text } from './Text';

const CONDITION_COLOURS: Record<string, string> = {
  good: '#1d5e34',
  fair: '#7a5b00',
  poor: '#a04a00',
  'very-bad': '#9b1c1c',
  lost: '#444444',
};

type CountryOf = (point: PublicMapPoint) => string;

/** A point's page, in its own country when the map shows places of several. */
function hrefOf(point: PublicMapPoint, country: string, countryOf: CountryOf | undefined): string {
  return recordPage(point.type, countryOf?.(point) ?? country, point.slug);
}

/** How far outside the viewport a map starts loading Leaflet, so it is drawn by the time it is scrolled to. */
const MAP_LOAD_MARGIN = '200px 0px';

/**
 * Whether the element is in or near the viewport (and stays true once it was):
 * Leaflet (about 50 KB gzip) is fetched only for a map a visitor comes to see.
 */
function useNearViewport(element: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  // Without IntersectionObserver (old browsers) every map counts as near: it is drawn at once.
  const observable = typeof IntersectionObserver !== 'undefined';
  const [seen, setSeen] = useState(false);
  const near = seen || !observable;
  useEffect(() => {
    const target = element.current;
    if (near || !enabled || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { rootMargin: MAP_LOAD_MARGIN },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, enabled, near]);
  return near;
}

/**
 * A clustered Leaflet map of places, with the same places as a list beneath:
 * the list is what keyboard and screen-reader users follow, and what remains
 * when the tile server cannot be reached.
 */
export function PlaceMap({
  points,
  country,
  label,
  countryOf,
}: {
  points: PublicMapPoint[];
  country: string;
  label: string;
  /** For points of several countries (search results): the country of each. Pass a stable function: the map is drawn again when it changes. */
  countryOf?: CountryOf;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const config = useMapConfig();
  const [tilesFailed, setTilesFailed] = useState(false);
  const near = useNearViewport(container, points.length > 0);

  useEffect(() => {
    if (!near || !config.data || !container.current || points.length === 0) return;
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const L = (await import('leaflet')).default;
      await import('leaflet.markercluster');
      if (disposed || !container.current) return;
      const map = L.map(container.current, { scrollWheelZoom: false });
      const tiles = L.tileLayer(config.data!.tileUrl, { attribution: config.data!.tileAttribution, maxZoom: 18 });
      tiles.on('tileerror', () => setTilesFailed(true));
      tiles.addTo(map);
      const cluster = (L as unknown as { markerClusterGroup: () => L.LayerGroup }).markerClusterGroup();
      for (const point of points) {
        const marker = L.circleMarker([point.location.lat, point.location.lng], {
          radius: 8,
          color: '#ffffff',
          weight: 2,
          fillColor: CONDITION_COLOURS[point.condition ?? ''] ?? '#7a2333',
          fillOpacity: 0.9,
        });
        const link = document.createElement('a');
        link.href = hrefOf(point, country, countryOf);
        link.textContent = point.title.text;
        marker.bindPopup(link);
        cluster.addLayer(marker);
      }
      cluster.addTo(map);
      map.fitBounds(L.latLngBounds(points.map((p) => [p.location.lat, p.location.lng] as [number, number])), {
        padding: [30, 30],
        maxZoom: 12,
      });
      cleanup = () => map.remove();
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [near, config.data, points, country, countryOf]);

  if (points.length === 0) return null;
  return (
    <figure className="place-map">
      <div ref={container} className="map-canvas" role="region" aria-label={label} />
      {tilesFailed && <p className="muted">{t('map.tilesFailed')}</p>}
      <figcaption>
        <ul className="place-list" aria-label={label}>
          {points.map((point) => (
            <li key={`${point.type}-${point.id}`}>
              <Link to={hrefOf(point, country, countryOf)}>
                <Text value={point.title} />
              </Link>
              {point.condition && <span className={`condition condition-${point.condition}`}>{t(`conditions.${point.condition}`)}</span>}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
