import { useQuery } from "@tanstack/react-query";
import { geoPath } from "d3-geo";
import { type PointerEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Country, loadBasemap } from "./basemap.js";
import { indexMarkers, listItems, type MapMarker } from "./clusters.js";
import {
  type Bounds,
  koreanPeninsula,
  type LonLat,
  mapSize,
  panView,
  pickPoint,
  projectionFor,
  type View,
  viewAt,
  viewForBounds,
  visibleBbox,
  zoomForScale,
  zoomView,
} from "./geo.js";
import { MapControls } from "./map-controls.js";
import { MapItems } from "./map-items.js";
import "./map.css";

interface Props {
  /** The accessible name of the map, also its caption. */
  label: string;
  markers?: MapMarker[];
  /** A point to mark, such as the coordinates being entered. */
  selected?: LonLat | null;
  /** Called with the point clicked on the map, rounded to 5 decimals. */
  onPick?: (lat: number, lon: number) => void;
  /** What the map first shows; the Korean peninsula and the Chinese border when not given. */
  bounds?: Bounds;
}

const { width, height } = mapSize;
const noMarkers: MapMarker[] = [];

const inView = (c: Country, bbox: [number, number, number, number]) => {
  const [[w, s], [e, n]] = c.bounds;
  if (w > e || bbox[0] < -180 || bbox[2] > 180) return true;
  return !(e < bbox[0] || w > bbox[2] || n < bbox[1] || s > bbox[3]);
};

/**
 * A map drawn from the basemap shipped with the application: country boundaries, markers clustered at the
 * current zoom, zoom and pan buttons for the keyboard, the mouse wheel and dragging for the pointer, and a
 * click to pick a point when `onPick` is given.
 */
export function MapView({ label, markers = noMarkers, selected, onPick, bounds = koreanPeninsula }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>(() => viewForBounds(bounds));
  const basemap = useQuery({
    queryKey: ["basemap"],
    queryFn: loadBasemap,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const index = useMemo(() => indexMarkers(markers), [markers]);
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);

  const projection = projectionFor(view);
  const bbox = visibleBbox(view);
  const paths = useMemo(() => {
    const path = geoPath(projectionFor(view));
    const box = visibleBbox(view);
    return (basemap.data ?? [])
      .filter((c) => inView(c, box))
      .map((c) => ({ key: c.key, d: path(c.feature) ?? "" }))
      .filter((p) => p.d !== "");
  }, [basemap.data, view]);
  const items = listItems(index, bbox, zoomForScale(view.scale));
  const mark = selected ? projection(selected) : null;

  // Map units of a pointer position: the SVG keeps its aspect ratio, so one ratio per axis suffices.
  const toMap = (clientX: number, clientY: number): [number, number] => {
    const r = canvas.current?.getBoundingClientRect();
    if (!r?.width || !r.height) return [width / 2, height / 2];
    return [((clientX - r.left) * width) / r.width, ((clientY - r.top) * height) / r.height];
  };

  const toMapRef = useRef(toMap);
  toMapRef.current = toMap;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // Registered by hand: React's wheel listener is passive, and the page must not scroll while zooming.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const anchor = toMapRef.current(e.clientX, e.clientY);
      setView((v) => zoomView(v, e.deltaY < 0 ? 1.25 : 0.8, anchor));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, view, moved: false };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    if (!d.moved && Math.hypot(e.clientX - d.x, e.clientY - d.y) < 4) return;
    d.moved = true;
    const [x0, y0] = toMap(d.x, d.y);
    const [x1, y1] = toMap(e.clientX, e.clientY);
    setView(panView(d.view, x0 - x1, y0 - y1));
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !onPick) return;
    const [x, y] = toMap(e.clientX, e.clientY);
    const point = pickPoint(view, x, y);
    if (point) onPick(point.lat, point.lon);
  };

  return (
    <figure className="map-view">
      <MapControls
        onZoom={(factor) => setView((v) => zoomView(v, factor))}
        onPan={(dx, dy) => setView((v) => panView(v, dx * width, dy * height))}
        onReset={() => setView(viewForBounds(bounds))}
      />
      <div className={`map-canvas${onPick ? " picking" : ""}`} ref={canvas}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={label}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
          }}
        >
          <rect className="map-sea" width={width} height={height} />
          <g className="map-countries">
            {paths.map((p) => (
              <path key={p.key} d={p.d} />
            ))}
          </g>
          {mark && (
            <g className="map-selected" transform={`translate(${mark[0]} ${mark[1]})`}>
              <circle r={9} />
              <circle r={2.5} />
            </g>
          )}
        </svg>
        <MapItems
          items={items}
          position={(at) => projection(at)}
          onCluster={(at, zoom) => setView(viewAt(at, zoom))}
          clusterZoom={(id) => index.getClusterExpansionZoom(id)}
        />
      </div>
      <figcaption>
        {label}
        {basemap.isPending && <span className="hint"> — {t("app.loading")}</span>}
        {basemap.isError && <span className="error"> — {t("map.failed")}</span>}
        <small className="map-attribution">{t("map.attribution")}</small>
      </figcaption>
    </figure>
  );
}
