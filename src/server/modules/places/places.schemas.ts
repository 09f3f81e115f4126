import { defineRecordSpec } from "../../platform/records/record-spec.js";

export const placeLevels = ["country", "province", "county", "site"] as const;
export const placeTypes = [
  "country",
  "province",
  "county",
  "city",
  "district",
  "village",
  "detention_facility",
  "border_crossing",
  "river_crossing",
  "workplace",
  "office",
  "other",
] as const;

/** A place: built-in countries and the DPRK gazetteer, or a site a mandate adds, possibly confidential (a safe house). */
export const placeSpec = defineRecordSpec({
  type: "place",
  plural: "places",
  table: "places",
  defaultConfidentiality: "internal",
  builtIn: true,
  quickSearch: ["name_en", "name_ko", "code"],
  fields: {
    parentId: { column: "parent_id", type: { kind: "ref", table: "places", builtIn: true }, filter: true },
    code: { column: "code", type: { kind: "text", max: 40 }, filter: true, sort: true },
    level: { column: "level", type: { kind: "enum", values: placeLevels, required: true }, filter: true },
    placeType: {
      column: "place_type",
      type: { kind: "enum", values: placeTypes, required: true },
      filter: true,
    },
    nameEn: { column: "name_en", type: { kind: "text", max: 200, required: true }, sort: true },
    nameKo: { column: "name_ko", type: { kind: "text", max: 200 } },
    nameZh: { column: "name_zh", type: { kind: "text", max: 200 } },
    latitude: { column: "latitude", type: { kind: "number", min: -90, max: 90 } },
    longitude: { column: "longitude", type: { kind: "number", min: -180, max: 180 } },
  },
});
