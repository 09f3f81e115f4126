import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { RecordForm } from "./record-form.js";
import { SimilarPersons } from "./similar-persons.js";
import { useRecordType } from "./use-record-type.js";

/** Creates a record of any type in the current mandate; query parameters pre-fill fields (e.g. ?eventId=…). */
export default function NewRecordPage() {
  const { t } = useTranslation();
  const { plural } = useParams();
  const [params] = useSearchParams();
  const { mandate } = useMandate();
  const { recordType, isPending } = useRecordType(plural);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const watch = useCallback((values: Record<string, unknown>) => setCode(String(values.code ?? "")), []);
  if (isPending) return <p>{t("app.loading")}</p>;
  if (!recordType || !mandate) return <p>{t("app.notFound")}</p>;
  const initial: Record<string, unknown> = {};
  for (const f of recordType.fields) {
    if (f.readOnly) continue;
    const v = params.get(f.name);
    if (v) initial[f.name] = v;
    else if (f.kind === "enum" && f.required) initial[f.name] = f.values?.[0];
  }
  const create = async (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = { mandateId: mandate.id };
    for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== "") body[k] = v;
    const record = await api.post<ApiRecord>(`/${plural}`, body);
    await queryClient.invalidateQueries({ queryKey: ["list", plural] });
    navigate(`/${plural}/${record.id}`);
    return record;
  };
  return (
    <>
      <h1>{t("list.new", { type: t(`type.${recordType.type}` as "type.person") })}</h1>
      <RecordForm
        recordType={recordType}
        initial={initial}
        mode="create"
        onSubmit={create}
        onCancel={() => navigate(`/${plural}`)}
        canRestrict={mandate.abilities.restrict}
        draftKey={`rapporteur.draft.new.${plural}.${params.toString()}`}
        onValuesChange={plural === "persons" ? watch : undefined}
      />
      {plural === "persons" && <SimilarPersons code={code} />}
    </>
  );
}
