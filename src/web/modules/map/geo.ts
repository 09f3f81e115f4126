import { type GeoProjection, geoMercator } from "d3-geo";

/** A longitude and a latitude, in that order (GeoJSON's order). */
export type LonLat = [lon: number, lat: number];

/** A box of longitudes and latitudes; west may exceed east across the antimeridian. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** What the map shows: the point at its middle and the Mercator scale (pixels per radian). */
export interface View {
  center: LonLat;
  scale: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The drawing size of every map, in SVG units; CSS scales it to the page. */
export const mapSize: Size = { width: 640, height: 480 };

/** The Korean peninsula and the Chinese border region, where most of the mandate's places are. */
export const koreanPeninsula: Bounds = { west: 123, south: 37, east: 131.5, north: 43.5 };

// Supercluster counts zoom levels on 512-pixel tiles: at zoom z the world is 512·2^z pixels wide.
const tileSize = 512;
const minClusterZoom = 2;
const maxClusterZoom = 16;
const maxLatitude = 80;

/** Mercator scale at which the world is as wide as on supercluster's zoom level `zoom`. */
export const scaleForZoom = (zoom: number) => (tileSize * 2 ** zoom) / (2 * Math.PI);

/** The supercluster zoom level of a Mercator scale. */
export const zoomForScale = (scale: number) => Math.log2((2 * Math.PI * scale) / tileSize);

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const clampScale = (scale: number) =>
  clamp(scale, scaleForZoom(minClusterZoom), scaleForZoom(maxClusterZoom));

/**
 * Rounds a coordinate for storage: 5 decimals is about a metre, finer than any click can mean.
 * @example roundCoordinate(41.7956219) // 41.79562
 */
export function roundCoordinate(value: number, decimals = 5): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f + 0;
}

const rad = Math.PI / 180;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2));
const latitudeOf = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / rad;
const wrapLongitude = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** The view that fits `bounds` into the map, with a margin of `padding` units. */
export function viewForBounds(bounds: Bounds, size: Size = mapSize, padding = 8): View {
  const east = bounds.east < bounds.west ? bounds.east + 360 : bounds.east;
  const south = clamp(bounds.south, -maxLatitude, maxLatitude);
  const north = clamp(bounds.north, -maxLatitude, maxLatitude);
  const spanX = Math.max((east - bounds.west) * rad, 1e-6);
  const spanY = Math.max(mercatorY(north) - mercatorY(south), 1e-6);
  const scale = Math.min((size.width - 2 * padding) / spanX, (size.height - 2 * padding) / spanY);
  const lat = latitudeOf((mercatorY(north) + mercatorY(south)) / 2);
  return { center: [wrapLongitude((bounds.west + east) / 2), lat], scale: clampScale(scale) };
}

/** The Mercator projection of a view, clipped to the map. */
export function projectionFor(view: View, size: Size = mapSize): GeoProjection {
  return geoMercator()
    .scale(view.scale)
    .center(view.center)
    .translate([size.width / 2, size.height / 2])
    .clipExtent([
      [0, 0],
      [size.width, size.height],
    ]);
}

const invert = (view: View, x: number, y: number, size: Size): LonLat | null => {
  const ll = projectionFor(view, size).invert?.([x, y]);
  return ll ? [ll[0], ll[1]] : null;
};

/** The view moved by (dx, dy) map units: positive dx shows what lies east, positive dy what lies south. */
export function panView(view: View, dx: number, dy: number, size: Size = mapSize): View {
  const c = invert(view, size.width / 2 + dx, size.height / 2 + dy, size);
  if (!c) return view;
  return { center: [c[0], clamp(c[1], -maxLatitude, maxLatitude)], scale: view.scale };
}

/** The view zoomed by `factor`, keeping the point under `anchor` (default: the middle) where it is. */
export function zoomView(view: View, factor: number, anchor?: [number, number], size: Size = mapSize): View {
  const scale = clampScale(view.scale * factor);
  const [ax, ay] = anchor ?? [size.width / 2, size.height / 2];
  const under = invert(view, ax, ay, size);
  if (!under) return { ...view, scale };
  const zoomed: View = { center: view.center, scale };
  const moved = projectionFor(zoomed, size)(under);
  if (!moved) return zoomed;
  return panView(zoomed, moved[0] - ax, moved[1] - ay, size);
}

/** The view centred on `at`, at the scale of supercluster zoom `zoom`. */
export function viewAt(at: LonLat, zoom: number): View {
  return { center: at, scale: clampScale(scaleForZoom(zoom)) };
}

/** The point under (x, y) map units, rounded for storage, or null off the map. */
export function pickPoint(view: View, x: number, y: number, size: Size = mapSize) {
  const ll = invert(view, x, y, size);
  if (!ll || Math.abs(ll[1]) > 90) return null;
  return { lat: roundCoordinate(ll[1]), lon: roundCoordinate(wrapLongitude(ll[0])) };
}

/** What the view shows, as supercluster's bbox [west, south, east, north] (west may be below -180). */
export function visibleBbox(view: View, size: Size = mapSize): [number, number, number, number] {
  const halfLon = ((size.width / 2 / view.scale) * 180) / Math.PI;
  const north = invert(view, size.width / 2, 0, size)?.[1] ?? 90;
  const south = invert(view, size.width / 2, size.height, size)?.[1] ?? -90;
  const lon = view.center[0];
  if (halfLon >= 180) return [-180, south, 180, north];
  return [lon - halfLon, south, lon + halfLon, north];
}

/** A box the size of `like`, centred on `point`. */
export function boundsCentredOn([lon, lat]: LonLat, like: Bounds = koreanPeninsula): Bounds {
  const halfLon = (like.east - like.west) / 2;
  const halfLat = (like.north - like.south) / 2;
  return {
    west: lon - halfLon,
    east: lon + halfLon,
    south: clamp(lat - halfLat, -maxLatitude, maxLatitude),
    north: clamp(lat + halfLat, -maxLatitude, maxLatitude),
  };
}

/** `bounds` if it holds `point`, else a box of the same size centred on the point. */
export function boundsAround(point: LonLat | null, bounds: Bounds = koreanPeninsula): Bounds {
  if (!point) return bounds;
  const [lon, lat] = point;
  const inside = lat >= bounds.south && lat <= bounds.north && lon >= bounds.west && lon <= bounds.east;
  return inside ? bounds : boundsCentredOn(point, bounds);
}

/** A latitude/longitude pair of form values as a point, or null unless both are numbers in range. */
export function pointOf(lat: unknown, lon: unknown): LonLat | null {
  if (typeof lat !== "number" || typeof lon !== "number") return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return [lon, lat];
}
