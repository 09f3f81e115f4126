import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useMandate } from "../../app/mandate-context.js";
import { placeLabel, refusal, useActsOverTime, useTopPlaces } from "../dashboard/use-analytics.js";
import type { MapMarker } from "../map/clusters.js";
import { MapTable } from "../map/map-table.js";
import { MapView } from "../map/map-view.js";
import { ActiveFilters } from "../search/active-filters.js";
import { actsQuery, viewHref } from "../search/search-params.js";
import { SearchViews } from "../search/search-views.js";

/** Every county the gazetteer holds fits in one answer. */
const maxPlaces = 500;

/**
 * The coded acts matching the search's filters, per county or city, on the offline map (or as a table). Each place
 * opens the search narrowed to it, with the other filters kept.
 */
export default function MapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { mandate } = useMandate();
  const [params] = useSearchParams();
  const [asTable, setAsTable] = useState(false);
  const query = mandate ? actsQuery(params, mandate.id) : null;
  const places = useTopPlaces(query, "county", maxPlaces);
  const all = useActsOverTime(query, "year", "none");
  const number = new Intl.NumberFormat(lang);

  const paramsText = params.toString();
  const { markers, unplaced } = useMemo(() => {
    const current = new URLSearchParams(paramsText);
    const items = places.data ?? [];
    const located = items.filter((p) => p.latitude !== null && p.longitude !== null);
    return {
      markers: located.map(
        (p): MapMarker => ({
          id: p.placeId,
          lat: p.latitude ?? 0,
          lon: p.longitude ?? 0,
          label: placeLabel(p.label, lang),
          count: p.count,
          href: viewHref("results", current, { county: p.placeId }),
        }),
      ),
      unplaced: items.filter((p) => p.latitude === null || p.longitude === null),
    };
  }, [places.data, paramsText, lang]);

  const onMap = markers.reduce((sum, m) => sum + (m.count ?? 0), 0);
  const total = all.data?.total;
  const label = t("mapPage.label", { count: markers.length, formatted: number.format(markers.length) });
  const error = places.error ?? all.error;
  return (
    <div className="map-page">
      <div className="page-head">
        <h1>{t("mapPage.title")}</h1>
        <button type="button" className="secondary" onClick={() => setAsTable((v) => !v)}>
          {asTable ? t("map.showMap") : t("map.showTable")}
        </button>
      </div>
      <SearchViews current="map" />
      <ActiveFilters />
      <p role="status" className="result-count">
        {places.data && total !== undefined
          ? t("mapPage.onMap", { count: total, onMap: number.format(onMap), formatted: number.format(total) })
          : places.isFetching
            ? t("app.loading")
            : ""}
      </p>
      {error && (
        <p role="alert" className="error">
          {refusal(error)}
        </p>
      )}
      {places.data?.length === 0 && <p>{t("mapPage.none")}</p>}
      <p className="hint">{t("mapPage.hint")}</p>
      {places.data &&
        (asTable ? (
          <MapTable markers={markers} caption={label} />
        ) : (
          <MapView label={label} markers={markers} />
        ))}
      {unplaced.length > 0 && (
        <p>
          {t("mapPage.noCoordinates", {
            places: unplaced
              .map((p) => `${placeLabel(p.label, lang)} (${number.format(p.count)})`)
              .join(", "),
          })}
        </p>
      )}
    </div>
  );
}
