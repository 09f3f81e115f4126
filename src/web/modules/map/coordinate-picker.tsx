import { useState } from "react";
import { useTranslation } from "react-i18next";
import { boundsAround, pointOf } from "./geo.js";
import { MapView } from "./map-view.js";

interface Props {
  latitude: unknown;
  longitude: unknown;
  /** Sets both form values; the latitude and longitude inputs stay the keyboard's way to enter them. */
  onPick: (lat: number, lon: number) => void;
}

/** A map beside a place's latitude and longitude: a click sets both, and the point entered is marked. */
export default function CoordinatePicker({ latitude, longitude, onPick }: Props) {
  const { t } = useTranslation();
  const point = pointOf(latitude, longitude);
  const [bounds] = useState(() => boundsAround(point));
  const [announced, setAnnounced] = useState("");
  const pick = (lat: number, lon: number) => {
    onPick(lat, lon);
    setAnnounced(t("map.chosen", { lat, lon }));
  };
  return (
    <div className="coordinate-picker">
      <p className="hint">{t("map.pickHint")}</p>
      <MapView label={t("map.pickLabel")} selected={point} onPick={pick} bounds={bounds} />
      <p className="map-chosen">
        {point ? t("map.chosen", { lat: point[1], lon: point[0] }) : t("map.noneChosen")}
      </p>
      <p role="status" className="visually-hidden">
        {announced}
      </p>
    </div>
  );
}
