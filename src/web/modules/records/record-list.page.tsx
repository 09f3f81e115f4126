import { type FormEvent, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type ApiRecord, confidentialityLevels } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { FieldInput } from "./field-input.js";
import { FieldValue } from "./field-value.js";
import { Pager, useKeysetList } from "./keyset-list.js";
import { listExtras } from "./record-extras.js";
import { RecordName } from "./record-name.js";
import { useRecordType } from "./use-record-type.js";

/** A list of any record type: quick search, filters, sort, keyset pages; every state is in the address. */
export default function RecordListPage() {
  const { t } = useTranslation();
  const { plural } = useParams();
  const { mandate } = useMandate();
  const { recordType, isPending } = useRecordType(plural);
  const { params, setParams, page, query, list, goTo } = useKeysetList<ApiRecord>(plural, {
    mandateId: plural !== "places" ? mandate?.id : undefined,
    enabled: Boolean(recordType),
  });
  const [draft, setDraft] = useState<Record<string, unknown>>(() => {
    const { cursor: _c, page: _p, ...filters } = Object.fromEntries(params);
    return filters;
  });
  if (isPending) return <p>{t("app.loading")}</p>;
  if (!recordType) return <p>{t("app.notFound")}</p>;
  const filters = recordType.fields.filter((f) => f.filter && ["enum", "vocab", "ref"].includes(f.kind));
  const columns = recordType.fields
    .filter((f) => !["text", "stringList"].includes(f.kind) || f.sort)
    .slice(0, 5);
  const typeName = t(`types.${plural}` as "types.persons");
  const ListExtra = plural ? listExtras[plural] : undefined;
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft))
      if (v !== null && v !== undefined && v !== "") next.set(k, String(v));
    setParams(next);
  };
  return (
    <>
      <div className="page-head">
        <h1>{typeName}</h1>
        {plural !== "attachments" && (
          <Link className="button" to={`/${plural}/new`}>
            {t("list.new", { type: t(`type.${recordType.type}` as "type.person") })}
          </Link>
        )}
      </div>
      {ListExtra && (
        <Suspense fallback={null}>
          <ListExtra query={query} />
        </Suspense>
      )}
      <form className="filters" onSubmit={apply} aria-label={t("list.filters")}>
        {recordType.quickSearch && (
          <div className="field">
            <label htmlFor="q">{t("list.search")}</label>
            <input
              id="q"
              type="search"
              value={String(draft.q ?? "")}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
        )}
        {filters.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`filter-${f.name}`}>{t(`field.${f.name}` as "field.kind")}</label>
            <FieldInput
              field={{ ...f, required: false }}
              id={`filter-${f.name}`}
              value={draft[f.name] ?? null}
              onChange={(v) => setDraft({ ...draft, [f.name]: v })}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor="filter-confidentiality">{t("record.confidentiality")}</label>
          <select
            id="filter-confidentiality"
            value={String(draft.confidentiality ?? "")}
            onChange={(e) => setDraft({ ...draft, confidentiality: e.target.value })}
          >
            <option value="">{t("list.any")}</option>
            {confidentialityLevels.map((c) => (
              <option key={c} value={c}>
                {t(`confidentiality.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">{t("list.sort")}</label>
          <select
            id="sort"
            value={String(draft.sort ?? "")}
            onChange={(e) => setDraft({ ...draft, sort: e.target.value })}
          >
            <option value="">{t("list.sortDefault")}</option>
            <option value="createdAt">{t("record.createdAt")}</option>
            {recordType.fields
              .filter((f) => f.sort)
              .map((f) => (
                <option key={f.name} value={f.name}>
                  {t(`field.${f.name}` as "field.kind")}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="order">{t("list.order")}</label>
          <select
            id="order"
            value={String(draft.order ?? "")}
            onChange={(e) => setDraft({ ...draft, order: e.target.value })}
          >
            <option value="">—</option>
            <option value="asc">{t("list.asc")}</option>
            <option value="desc">{t("list.desc")}</option>
          </select>
        </div>
        <button type="submit">{t("list.apply")}</button>
      </form>
      {list.error && <p role="alert">{(list.error as Error).message}</p>}
      <table className="records" aria-busy={list.isFetching}>
        <caption>{t("list.caption", { type: typeName, page })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field.title")}</th>
            {columns.map((f) => (
              <th scope="col" key={f.name}>
                {t(`field.${f.name}` as "field.kind")}
              </th>
            ))}
            <th scope="col">{t("record.confidentiality")}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/${plural}/${r.id}`}>
                  <RecordName record={r} />
                </Link>
              </th>
              {columns.map((f) => (
                <td key={f.name}>
                  <FieldValue field={f} value={r[f.name]} />
                </td>
              ))}
              <td>{t(`confidentiality.${r.confidentiality}` as "confidentiality.public")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} data={list.data} empty={t("list.empty")} goTo={goTo} />
    </>
  );
}
