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

/** How far outside the viewport a map starts loading Leaflet, so it is drawn by the time it is scrolled to. */
const MAP_LOAD_MARGIN = '200px 0px';

/**
 * Whether the element is in or near the viewport (and stays true once it was):
 * Leaflet (about 50 KB gzip) is fetched only for a map a visitor comes to see.
 */
function useNearViewport(element: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (near || !enabled || !target) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
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
  /** For points of several countries (search results): the country of each. */
  countryOf?: (point: PublicMapPoint) => string;
}) {
  const href = (point: PublicMapPoint) => recordPage(point.type, countryOf?.(point) ?? country, point.slug);
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
        link.href = href(point);
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
  }, [near, config.data, points, country]);

  if (points.length === 0) return null;
  return (
    <figure className="place-map">
      <div ref={container} className="map-canvas" role="region" aria-label={label} />
      {tilesFailed && <p className="muted">{t('map.tilesFailed')}</p>}
      <figcaption>
        <ul className="place-list" aria-label={label}>
          {points.map((point) => (
            <li key={`${point.type}-${point.id}`}>
              <Link to={href(point)}>
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
