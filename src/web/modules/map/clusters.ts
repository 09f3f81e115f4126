import Supercluster from "supercluster";
import type { LonLat } from "./geo.js";

/** A point to show on a map: a place, with how many records are there and where its page is. */
export interface MapMarker {
  id: string;
  lat: number;
  lon: number;
  label: string;
  count?: number | undefined;
  /** An address inside the staff application, e.g. `/places/…`. */
  href?: string | undefined;
}

/** What the map draws at one spot: one marker, or a cluster of nearby markers (`size` of them). */
export type MapItem =
  | { kind: "marker"; at: LonLat; marker: MapMarker }
  | { kind: "cluster"; at: LonLat; clusterId: number; size: number; total: number };

interface Totals {
  total: number;
}

export type MarkerIndex = Supercluster<{ marker: MapMarker }, Totals>;

/** Indexes markers for clustering; a cluster's total adds up the markers' counts (1 where none is given). */
export function indexMarkers(markers: MapMarker[]): MarkerIndex {
  const index: MarkerIndex = new Supercluster({
    radius: 36,
    maxZoom: 16,
    map: (p) => ({ total: p.marker?.count ?? 1 }),
    reduce: (acc, p) => {
      acc.total += p.total;
    },
  });
  return index.load(
    markers.map((marker) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [marker.lon, marker.lat] },
      properties: { marker },
    })),
  );
}

/** The markers and clusters inside `bbox` ([west, south, east, north]) at supercluster zoom `zoom`. */
export function listItems(index: MarkerIndex, bbox: [number, number, number, number], zoom: number) {
  // The epsilon keeps a zoom computed back from a scale (e.g. 7.999999) on its level.
  return index.getClusters(bbox, Math.floor(zoom + 1e-9)).map((f): MapItem => {
    const at: LonLat = [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0];
    const p = f.properties;
    if ("cluster" in p && p.cluster)
      return { kind: "cluster", at, clusterId: p.cluster_id, size: p.point_count, total: p.total };
    return { kind: "marker", at, marker: (p as { marker: MapMarker }).marker };
  });
}
