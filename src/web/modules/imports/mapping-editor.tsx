import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { Mapping, MappingColumn, Preview, SavedMapping } from "./import-api.js";
import { targetLabel } from "./import-labels.js";

/**
 * Which field each column of the file fills (a select per column), the event key column of an acts file, and the
 * mappings saved for this mandate and type: one is applied in a step, the current one saved under a name.
 */
export function MappingEditor({
  preview,
  mandateId,
  mapping,
  onChange,
  savedName,
  onSavedName,
}: {
  preview: Preview;
  mandateId: string;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  savedName: string | null;
  onSavedName: (name: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: ["import-mappings", mandateId, preview.type],
    queryFn: async () =>
      (
        await api.get<{ items: SavedMapping[] }>(
          `/import-mappings?mandateId=${mandateId}&type=${preview.type}`,
        )
      ).items,
  });
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldOf = (column: string) => mapping.columns.find((c) => c.column === column)?.field ?? "";
  const setField = (column: string, field: string) => {
    const columns: MappingColumn[] = mapping.columns.filter(
      (c) => c.column !== column && (!field || c.field !== field),
    );
    if (field) columns.push({ column, field });
    onSavedName(null);
    onChange({ ...mapping, columns: preview.headers.flatMap((h) => columns.filter((c) => c.column === h)) });
  };
  const apply = () => {
    const m = saved.data?.find((s) => s.id === chosen);
    if (!m) return;
    onChange({
      columns: m.columns.filter((c) => preview.headers.includes(c.column)),
      eventKey: m.eventKey && preview.headers.includes(m.eventKey) ? m.eventKey : null,
    });
    onSavedName(m.name);
    setNotice(t("imports.mappingApplied", { name: m.name }));
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const m = await api.post<SavedMapping>("/import-mappings", {
        mandateId,
        type: preview.type,
        name: name.trim(),
        columns: mapping.columns,
        eventKey: mapping.eventKey ?? null,
      });
      await queryClient.invalidateQueries({ queryKey: ["import-mappings", mandateId, preview.type] });
      onSavedName(m.name);
      setNotice(t("imports.mappingSaved", { name: m.name }));
      setName("");
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("app.error"));
    }
  };
  const sample = (i: number) => preview.rows.find((r) => (r.cells[i] ?? "").trim() !== "")?.cells[i] ?? "";
  const mapped = new Set(mapping.columns.map((c) => c.field));
  const missing = preview.targets.filter(
    (tg) => tg.required && tg.record === "main" && !mapped.has(tg.name) && tg.name !== "eventId",
  );
  return (
    <section aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t("imports.stepMapping")}</h2>
      <p>{t("imports.mappingIntro")}</p>
      <div className="import-saved">
        <div className="field">
          <label htmlFor="import-saved-mapping">{t("imports.savedMappings")}</label>
          <select id="import-saved-mapping" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">
              {saved.data?.length ? t("imports.chooseMapping") : t("imports.noSavedMappings")}
            </option>
            {(saved.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" disabled={!chosen} onClick={apply}>
          {t("imports.useMapping")}
        </button>
      </div>
      <table className="records import-mapping">
        <caption>{t("imports.mappingCaption", { file: preview.filename })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("imports.column")}</th>
            <th scope="col">{t("imports.sample")}</th>
            <th scope="col">{t("imports.field")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; their position is their identity.
            <tr key={i}>
              <th scope="row">{h}</th>
              <td className="sample">{sample(i)}</td>
              <td>
                <select
                  aria-label={t("imports.fieldFor", { column: h })}
                  value={fieldOf(h)}
                  onChange={(e) => setField(h, e.target.value)}
                >
                  <option value="">{t("imports.notImported")}</option>
                  {preview.targets.map((tg) => (
                    <option key={tg.name} value={tg.name}>
                      {tg.required
                        ? t("imports.required", { field: targetLabel(t, tg) })
                        : targetLabel(t, tg)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.type === "acts" && (
        <div className="field">
          <label htmlFor="import-event-key">{t("imports.eventKey")}</label>
          <select
            id="import-event-key"
            value={mapping.eventKey ?? ""}
            onChange={(e) => {
              onSavedName(null);
              onChange({ ...mapping, eventKey: e.target.value || null });
            }}
          >
            <option value="">{t("imports.eventKeyNone")}</option>
            {preview.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat.
              <option key={i} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
      )}
      {missing.length > 0 && (
        <p className="hint">
          {t("imports.requiredMissing", { fields: missing.map((tg) => targetLabel(t, tg)).join(", ") })}
        </p>
      )}
      <form className="import-save" onSubmit={save}>
        <div className="field">
          <label htmlFor="import-mapping-name">{t("imports.saveAs")}</label>
          <input
            id="import-mapping-name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="secondary" disabled={!name.trim() || mapping.columns.length === 0}>
          {t("imports.saveMapping")}
        </button>
      </form>
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {savedName && !notice && <p className="hint">{t("imports.usingMapping", { name: savedName })}</p>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
