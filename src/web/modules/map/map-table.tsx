import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MapMarker } from "./clusters.js";

interface Props {
  markers: MapMarker[];
  caption: string;
}

/** The markers of a map as a table: the same places for screen readers and the keyboard, and to copy. */
export function MapTable({ markers, caption }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 5 });
  return (
    <table className="records map-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("map.place")}</th>
          <th scope="col">{t("field.latitude")}</th>
          <th scope="col">{t("field.longitude")}</th>
          <th scope="col">{t("map.count")}</th>
        </tr>
      </thead>
      <tbody>
        {markers.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.href ? <Link to={m.href}>{m.label}</Link> : m.label}</th>
            <td>{number.format(m.lat)}</td>
            <td>{number.format(m.lon)}</td>
            <td>{m.count === undefined ? t("record.none") : number.format(m.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
