import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { useSession } from "../../api/queries.js";
import type { Mandate } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { TextField } from "../records/text-field.js";
import { adminAccess } from "./admin-access.js";
import { problemsOf } from "./field-problems.js";
// The two-language layout of the press release editor: the about text is written the same way.
import "../press-releases/press-releases.css";

/** The mandate as GET /mandates/:id gives it, with what this page changes. */
interface MandateDetails extends Mandate {
  holder: string | null;
  aboutEn: string | null;
  aboutKo: string | null;
}

const fields = ["nameEn", "nameKo", "holder", "aboutEn", "aboutKo"] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

const valuesOf = (m: MandateDetails): Values => ({
  nameEn: m.nameEn,
  nameKo: m.nameKo ?? "",
  holder: m.holder ?? "",
  aboutEn: m.aboutEn ?? "",
  aboutKo: m.aboutKo ?? "",
});

/**
 * The current mandate as the public site presents it: its names, its holder, and its about text in English and
 * Korean side by side (Markdown). Admins and the mandate's holder change it; the API checks again.
 */
export default function MandatePage() {
  const { t } = useTranslation();
  const session = useSession().data;
  const { mandate } = useMandate();
  const queryClient = useQueryClient();
  const allowed = adminAccess(session).membersOf(mandate?.id);
  const details = useQuery({
    queryKey: ["mandate", mandate?.id],
    enabled: Boolean(mandate) && allowed,
    queryFn: () => api.get<MandateDetails>(`/mandates/${mandate?.id}`),
  });
  const [values, setValues] = useState<Values | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (details.data) setValues(valuesOf(details.data));
  }, [details.data]);

  if (!mandate || !allowed) return <p role="alert">{t("admin.notAllowed")}</p>;
  if (details.error)
    return <p role="alert">{details.error instanceof ApiError ? details.error.message : t("app.error")}</p>;
  if (!details.data || !values) return <p>{t("app.loading")}</p>;
  const saved = valuesOf(details.data);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, string | null> = {};
    for (const f of fields)
      if (values[f] !== saved[f]) body[f] = f !== "nameEn" && values[f].trim() === "" ? null : values[f];
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const updated = await api.patch<MandateDetails>(`/mandates/${mandate.id}`, body);
      queryClient.setQueryData(["mandate", mandate.id], updated);
      await queryClient.invalidateQueries({ queryKey: ["mandates"] });
      setProblems({});
      setStatus(t("record.saved"));
    } catch (err) {
      setProblems(problemsOf(err));
      setError(err instanceof ApiError ? err.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: Field, options: { rows?: number; lang?: "en" | "ko"; hint?: boolean } = {}) => (
    <TextField
      id={`mandate-${name}`}
      label={t(`mandateAdmin.${name}`)}
      required={name === "nameEn"}
      value={values[name]}
      onChange={(v) => setValues({ ...values, [name]: v })}
      problem={problems[name]}
      lang={options.lang}
      rows={options.rows}
      hint={options.hint ? t("pressReleases.markdownHint") : undefined}
    />
  );
  return (
    <>
      <h1>{t("mandateAdmin.title")}</h1>
      <p>{t("mandateAdmin.intro")}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form onSubmit={submit} className="press-release-form mandate-form" noValidate>
        <div className="press-release-meta">
          {field("nameEn", { lang: "en" })}
          {field("nameKo", { lang: "ko" })}
          {field("holder")}
        </div>
        <div className="press-release-columns">
          <fieldset>
            <legend>{t("pressReleases.english")}</legend>
            {field("aboutEn", { rows: 16, lang: "en", hint: true })}
          </fieldset>
          <fieldset>
            <legend>{t("pressReleases.korean")}</legend>
            {field("aboutKo", { rows: 16, lang: "ko", hint: true })}
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("record.save")}
          </button>
          <span role="status" className="hint">
            {status}
          </span>
        </div>
      </form>
    </>
  );
}
