import type { TFunction } from "i18next";
import type { ImportTarget } from "./import-api.js";

/** A record type's plural name ("Recommendations"), or its code when the language has none. */
export const typeLabel = (t: TFunction, plural: string) =>
  t(`types.${plural}` as "types.persons", { defaultValue: plural });

/** A field's label; an event's fields in an acts file read "Event: Title". */
export function targetLabel(t: TFunction, target: Pick<ImportTarget, "name" | "record">): string {
  const field = target.record === "event" ? target.name.slice("event.".length) : target.name;
  const base =
    field === "confidentiality"
      ? t("record.confidentiality")
      : t(`field.${field}` as "field.kind", { defaultValue: field });
  return target.record === "event" ? t("imports.eventField", { field: base }) : base;
}

/** The label of a field named in a mapping or an error (`event.title` included). */
export const fieldNameLabel = (t: TFunction, name: string | null) =>
  name ? targetLabel(t, { name, record: name.startsWith("event.") ? "event" : "main" }) : "";

/** Counts of records as text: "3 Events, 40 Acts". */
export const countsText = (t: TFunction, counts: Record<string, number>, locale: string) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([plural, n]) => `${new Intl.NumberFormat(locale).format(n)} ${typeLabel(t, plural)}`)
    .join(", ");
