import { geoBounds } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// A fingerprinted file served with the app (never a tile server): fetched when a map is first shown.
import basemapUrl from "world-atlas/countries-50m.json?url";

/** One country of the basemap, with its box to skip it when it is out of view. */
export interface Country {
  key: string;
  feature: Feature<Geometry, { name?: string }>;
  /** [[west, south], [east, north]]; west > east for a country across the antimeridian. */
  bounds: [[number, number], [number, number]];
}

let cached: Promise<Country[]> | null = null;

const toCountries = (topology: Topology<{ countries: GeometryCollection<{ name?: string }> }>) => {
  const collection = feature(topology, topology.objects.countries);
  return collection.features.map(
    (f, i): Country => ({ key: `${f.id ?? "x"}-${i}`, feature: f, bounds: geoBounds(f) }),
  );
};

/** Natural Earth's 1:50m country boundaries as GeoJSON, loaded once per page. */
export function loadBasemap(): Promise<Country[]> {
  cached ??= fetch(basemapUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`basemap: ${res.status}`);
      return res.json();
    })
    .then(toCountries)
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
}
