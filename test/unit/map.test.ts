import { describe, expect, it } from "vitest";
import { indexMarkers, listItems, type MapMarker } from "../../src/web/modules/map/clusters.js";
import {
  boundsAround,
  koreanPeninsula,
  mapSize,
  panView,
  pickPoint,
  pointOf,
  projectionFor,
  roundCoordinate,
  viewForBounds,
  visibleBbox,
  zoomForScale,
  zoomView,
} from "../../src/web/modules/map/geo.js";

const onMap = (p: [number, number] | null) =>
  p !== null && p[0] >= 0 && p[0] <= mapSize.width && p[1] >= 0 && p[1] <= mapSize.height;

describe("the map of places", () => {
  it("first shows the whole Korean peninsula and the Chinese border region", () => {
    const view = viewForBounds(koreanPeninsula);
    const project = projectionFor(view);
    for (const corner of [
      [123, 37],
      [131.5, 37],
      [123, 43.5],
      [131.5, 43.5],
    ] as [number, number][])
      expect(onMap(project(corner)), `corner ${corner}`).toBe(true);
    // Hoeryong, on the Tumen river, and Seoul are both on the map.
    expect(onMap(project([129.75, 42.44]))).toBe(true);
    expect(onMap(project([126.98, 37.57]))).toBe(true);
    expect(onMap(project([116.4, 39.9]))).toBe(false);
  });

  it("a click gives the point under the pointer, rounded to five decimals (about a metre)", () => {
    const view = viewForBounds(koreanPeninsula);
    const project = projectionFor(view);
    const [x, y] = project([129.123456789, 41.987654321]) ?? [0, 0];
    expect(pickPoint(view, x, y)).toEqual({ lat: 41.98765, lon: 129.12346 });
    expect(roundCoordinate(41.7956219)).toBe(41.79562);
    expect(Object.is(roundCoordinate(-0.000001), 0)).toBe(true);
  });

  it("zooming in keeps the point under the pointer where it is, and shows less ground", () => {
    const view = viewForBounds(koreanPeninsula);
    const anchor: [number, number] = [500, 120];
    const before = pickPoint(view, ...anchor);
    const zoomed = zoomView(view, 2, anchor);
    expect(pickPoint(zoomed, ...anchor)).toEqual(before);
    const [w0, , e0] = visibleBbox(view);
    const [w1, , e1] = visibleBbox(zoomed);
    expect(e1 - w1).toBeCloseTo((e0 - w0) / 2, 6);
    expect(zoomForScale(zoomed.scale)).toBeCloseTo(zoomForScale(view.scale) + 1, 6);
  });

  it("panning north and east shows what lies north and east", () => {
    const view = viewForBounds(koreanPeninsula);
    const north = panView(view, 0, -100);
    const east = panView(view, 100, 0);
    expect(north.center[1]).toBeGreaterThan(view.center[1]);
    expect(north.center[0]).toBeCloseTo(view.center[0], 6);
    expect(east.center[0]).toBeGreaterThan(view.center[0]);
  });

  it("a place outside the region gets a map centred on it; one inside keeps the region", () => {
    expect(boundsAround([127.5, 40])).toEqual(koreanPeninsula);
    const geneva = boundsAround([6.14, 46.2]);
    expect((geneva.west + geneva.east) / 2).toBeCloseTo(6.14, 6);
    expect((geneva.south + geneva.north) / 2).toBeCloseTo(46.2, 6);
    expect(boundsAround(null)).toEqual(koreanPeninsula);
  });

  it("coordinates are shown only when both are numbers in range", () => {
    expect(pointOf(41.8, 129.7)).toEqual([129.7, 41.8]);
    expect(pointOf(null, 129.7)).toBeNull();
    expect(pointOf("41.8", 129.7)).toBeNull();
    expect(pointOf(95, 129.7)).toBeNull();
  });
});

describe("places close together on the map", () => {
  const markers: MapMarker[] = [
    { id: "a", lat: 42.44, lon: 129.75, label: "Hoeryong", count: 12 },
    { id: "b", lat: 42.45, lon: 129.76, label: "Hoeryong camp", count: 3 },
    { id: "c", lat: 37.57, lon: 126.98, label: "Seoul" },
  ];
  const index = indexMarkers(markers);

  it("are one cluster with their number and the total of their records until the map is zoomed in", () => {
    const view = viewForBounds(koreanPeninsula);
    const items = listItems(index, visibleBbox(view), zoomForScale(view.scale));
    const cluster = items.find((i) => i.kind === "cluster");
    expect(cluster).toMatchObject({ kind: "cluster", size: 2, total: 15 });
    expect(
      items.filter((i) => i.kind === "marker").map((i) => i.kind === "marker" && i.marker.label),
    ).toEqual(["Seoul"]);
    if (cluster?.kind !== "cluster") throw new Error("no cluster");
    const zoom = index.getClusterExpansionZoom(cluster.clusterId);
    const labels = listItems(index, [129, 42, 130.5, 43], zoom)
      .map((i) => (i.kind === "marker" ? i.marker.label : "cluster"))
      .sort();
    expect(labels).toEqual(["Hoeryong", "Hoeryong camp"]);
  });

  it("out of view are not listed", () => {
    expect(listItems(index, [100, 10, 110, 20], 8)).toEqual([]);
  });
});
