import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MapItem, MapMarker } from "./clusters.js";
import { type LonLat, mapSize } from "./geo.js";

interface Props {
  items: MapItem[];
  /** Where a point falls on the map, in map units, or null. */
  position: (at: LonLat) => [number, number] | null;
  /** The zoom level at which a cluster splits. */
  clusterZoom: (clusterId: number) => number;
  onCluster: (at: LonLat, zoom: number) => void;
}

const placed = ([x, y]: [number, number]) => ({
  left: `${(x / mapSize.width) * 100}%`,
  top: `${(y / mapSize.height) * 100}%`,
});

const onMap = (p: [number, number] | null): p is [number, number] =>
  p !== null && p[0] >= 0 && p[0] <= mapSize.width && p[1] >= 0 && p[1] <= mapSize.height;

function Marker({ marker }: { marker: MapMarker }) {
  const body = (
    <>
      <span className="map-dot" aria-hidden="true" />
      <span className="map-label">
        {marker.label}
        {marker.count !== undefined && <span className="map-count"> {marker.count}</span>}
      </span>
    </>
  );
  return marker.href ? <Link to={marker.href}>{body}</Link> : <span>{body}</span>;
}

/**
 * Markers and clusters laid over the map as HTML, so links and buttons are real ones the keyboard reaches
 * and screen readers name.
 */
export function MapItems({ items, position, clusterZoom, onCluster }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="map-items">
      {items.map((item) => {
        const p = position(item.at);
        if (!onMap(p)) return null;
        if (item.kind === "marker")
          return (
            <li
              key={item.marker.id}
              // Labels of markers near the east edge go to their left, to stay on the map.
              className={`map-marker${p[0] > mapSize.width * 0.65 ? " label-west" : ""}`}
              style={placed(p)}
            >
              <Marker marker={item.marker} />
            </li>
          );
        return (
          <li key={`cluster-${item.clusterId}`} className="map-cluster" style={placed(p)}>
            <button
              type="button"
              aria-label={t("map.cluster", { count: item.size })}
              title={t("map.cluster", { count: item.size })}
              onClick={() => onCluster(item.at, clusterZoom(item.clusterId))}
            >
              {item.size}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
