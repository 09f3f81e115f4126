import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MapMarker } from "./clusters.js";
import { boundsCentredOn } from "./geo.js";
import { MapTable } from "./map-table.js";
import { MapView } from "./map-view.js";

interface Props {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** Where a place is: a small map with its marker, or the same as a table. */
export default function PlaceMap({ id, name, latitude, longitude }: Props) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const markers = useMemo<MapMarker[]>(
    () => [{ id, lat: latitude, lon: longitude, label: name }],
    [id, latitude, longitude, name],
  );
  const label = t("map.placeLabel", { name });
  return (
    <section className="place-map" aria-labelledby="place-map-title">
      <div className="page-head">
        <h2 id="place-map-title">{t("map.title")}</h2>
        <button type="button" className="secondary" onClick={() => setAsTable((v) => !v)}>
          {asTable ? t("map.showMap") : t("map.showTable")}
        </button>
      </div>
      {asTable ? (
        <MapTable markers={markers} caption={label} />
      ) : (
        <MapView label={label} markers={markers} bounds={boundsCentredOn([longitude, latitude])} />
      )}
    </section>
  );
}
