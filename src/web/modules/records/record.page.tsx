import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError, api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import { AttachmentView } from "../attachments/attachment-preview.js";
import { AttachmentsPanel } from "../attachments/attachments-panel.js";
import { FieldValue } from "./field-value.js";
import { IdentityPanel } from "./identity-panel.js";
import { LinkedRecords } from "./linked-records.js";
import { recordExtras } from "./record-extras.js";
import { RecordForm } from "./record-form.js";
import { RecordHistory } from "./record-history.js";
import { recordTitle } from "./record-title.js";
import { useRecordType } from "./use-record-type.js";

const PlaceMap = lazy(() => import("../map/place-map.js"));

/** One record: its fields, confidentiality, linked records, identifying data behind a reveal, and editing. */
export default function RecordPage() {
  const { t, i18n } = useTranslation();
  const { plural, id } = useParams();
  const { recordType } = useRecordType(plural);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const key = ["record", plural, id];
  const record = useQuery({
    queryKey: key,
    queryFn: () => api.get<ApiRecord>(`/${plural}/${id}`),
    retry: false,
  });
  if (record.isPending || !recordType) return <p>{t("app.loading")}</p>;
  if (record.error)
    return <p role="alert">{record.error instanceof ApiError ? record.error.message : t("app.error")}</p>;
  const r = record.data;
  const Extra = recordExtras[r.type];
  const save = async (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = { version: r.version };
    for (const f of recordType.fields) {
      if (f.immutable || f.readOnly || f.name === "sha256") continue;
      if (JSON.stringify(values[f.name] ?? null) !== JSON.stringify(r[f.name] ?? null))
        body[f.name] = values[f.name] ?? null;
    }
    if (values.confidentiality !== r.confidentiality) body.confidentiality = values.confidentiality;
    if (JSON.stringify(values.restrictedTo ?? null) !== JSON.stringify(r.restrictedTo ?? null)) {
      body.restrictedTo = values.restrictedTo ?? null;
    }
    const updated = await api.patch<ApiRecord>(`/${plural}/${id}`, body);
    queryClient.setQueryData(key, updated);
    await queryClient.invalidateQueries({ queryKey: ["list", plural] });
    setEditing(false);
    setSaved(true);
    return updated;
  };
  return (
    <article>
      <div className="page-head">
        <h1>{recordTitle(r, i18n.language)}</h1>
        <span className={`badge level-${r.confidentiality}`}>
          {t(`confidentiality.${r.confidentiality}` as "confidentiality.public")}
        </span>
        {r.abilities.update && !editing && (
          <button
            type="button"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            {t("record.edit")}
          </button>
        )}
      </div>
      <p role="status">{saved ? t("record.saved") : ""}</p>
      {editing ? (
        <RecordForm
          recordType={recordType}
          initial={r}
          mode="edit"
          onSubmit={save}
          onCancel={() => setEditing(false)}
          canRestrict={r.abilities.restrict}
          draftKey={`rapporteur.draft.${r.id}`}
        />
      ) : (
        <dl className="fields">
          {recordType.fields.map((f) => (
            <div key={f.name}>
              <dt>{t(`field.${f.name}` as "field.kind")}</dt>
              <dd>
                <FieldValue field={f} value={r[f.name]} />
              </dd>
            </div>
          ))}
          <div>
            <dt>{t("record.restrictedTo")}</dt>
            <dd>{r.restrictedTo ? r.restrictedTo.length : t("record.notRestricted")}</dd>
          </div>
          <div>
            <dt>{t("record.updatedAt")}</dt>
            <dd>
              {new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
                new Date(r.updatedAt),
              )}
            </dd>
          </div>
        </dl>
      )}
      {r.type === "person" && r.abilities.readIdentity && <IdentityPanel personId={r.id} />}
      {r.type === "attachment" && <AttachmentView attachment={r} />}
      {r.type === "source" && <AttachmentsPanel source={r} />}
      {r.type === "place" &&
        !editing &&
        typeof r.latitude === "number" &&
        typeof r.longitude === "number" && (
          <Suspense fallback={null}>
            <PlaceMap
              id={r.id}
              name={recordTitle(r, i18n.language)}
              latitude={r.latitude}
              longitude={r.longitude}
            />
          </Suspense>
        )}
      {Extra && !editing && (
        <Suspense fallback={null}>
          <Extra record={r} />
        </Suspense>
      )}
      <LinkedRecords record={r} />
      {r.abilities.viewAudit && <RecordHistory recordId={r.id} />}
    </article>
  );
}
