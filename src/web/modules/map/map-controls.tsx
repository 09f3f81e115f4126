import { useTranslation } from "react-i18next";

interface Props {
  /** Zoom by a factor: above 1 shows less ground, larger. */
  onZoom: (factor: number) => void;
  /** Pan by fractions of the map's width and height: (0.25, 0) shows what lies east. */
  onPan: (dx: number, dy: number) => void;
  onReset: () => void;
}

const step = 0.25;

/** Zoom and pan buttons: the keyboard's way around the map (each button's name says where it goes). */
export function MapControls({ onZoom, onPan, onReset }: Props) {
  const { t } = useTranslation();
  const buttons = [
    { key: "zoomIn", label: t("map.zoomIn"), text: "+", run: () => onZoom(2) },
    { key: "zoomOut", label: t("map.zoomOut"), text: "−", run: () => onZoom(0.5) },
    { key: "north", label: t("map.panNorth"), text: "↑", run: () => onPan(0, -step) },
    { key: "south", label: t("map.panSouth"), text: "↓", run: () => onPan(0, step) },
    { key: "west", label: t("map.panWest"), text: "←", run: () => onPan(-step, 0) },
    { key: "east", label: t("map.panEast"), text: "→", run: () => onPan(step, 0) },
  ];
  return (
    <div className="map-controls" role="toolbar" aria-label={t("map.controls")}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className="secondary"
          aria-label={b.label}
          title={b.label}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.text}</span>
        </button>
      ))}
      <button type="button" className="secondary" onClick={onReset}>
        {t("map.reset")}
      </button>
    </div>
  );
}
