#!/usr/bin/env python3
"""Builds src/server/reference-data/places.json from the shared geo CSVs (run by hand when they change)."""
import csv, json, pathlib, sys

shared = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
out = pathlib.Path("src/server/reference-data")

def read(name):
    with open(shared / "geo" / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))

names = {lang: {r["alpha3"].upper(): r["name"] for r in read(f"country-names-{lang}.csv")} for lang in ("en", "ko", "zh")}
countries = []
for r in read("iso3166-m49.csv"):
    a3 = r["alpha-3"]
    countries.append({"code": a3, "alpha2": r["alpha-2"], "numeric": r["country-code"], "nameEn": names["en"].get(a3, r["name"]),
                      "nameKo": names["ko"].get(a3), "nameZh": names["zh"].get(a3), "region": r["region"], "subRegion": r["sub-region"]})
ko = json.loads((out / "kp-admin-divisions-ko.json").read_text(encoding="utf-8"))
divisions = [{"code": r["id"], "level": int(r["level"]), "nameEn": r["name_en"], "nameKo": ko.get(r["id"]),
              "parent": r["parent_id"] or None, "lat": float(r["lat"]), "lon": float(r["lon"])} for r in read("kp-admin-divisions.csv")]
(out / "places.json").write_text(json.dumps({"countries": countries, "kpDivisions": divisions}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(countries), "countries,", len(divisions), "divisions")
