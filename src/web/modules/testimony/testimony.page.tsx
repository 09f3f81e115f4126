import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client.js";
import { useRecordTypes } from "../../api/queries.js";
import { useMandate } from "../../app/mandate-context.js";
import { apiProblems, localProblems } from "./checks.js";
import { clearDraft, emptyDraft, emptyEvent, readDraft, storeDraft, type TestimonyDraft } from "./draft.js";
import { EventSection } from "./event-section.js";
import { Fields, RecordAccess } from "./fields.js";
import { PersonSection } from "./person-section.js";
import { SaveError, saveTestimony } from "./save.js";

const sourceFieldsLeftOut = new Set(["kind", "intervieweeId"]);

/**
 * Records a testimony in one flow: the interview, the person interviewed, the events and acts told, with their
 * perpetrators. Kept on this device on every change until saved; saved record by record, so a retry after an
 * error creates nothing twice.
 */
export default function TestimonyPage() {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const types = useRecordTypes();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [restored] = useState(readDraft);
  const [draft, setDraft] = useState<TestimonyDraft>(() => restored ?? emptyDraft());
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [generation, setGeneration] = useState(0);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLParagraphElement>(null);

  const byType = (type: string) => types.data?.find((x) => x.type === type);
  const [source, person, event, act, involvement] = ["source", "person", "event", "act", "involvement"].map(
    byType,
  );
  if (types.isPending) return <p>{t("app.loading")}</p>;
  if (!mandate || !source || !person || !event || !act || !involvement) return <p>{t("app.notFound")}</p>;
  // No record exists yet to carry the API's `restrict` ability: like the new-record page, follow the role the API
  // reports in this mandate. The API still decides; a refusal shows in the page's alert.
  const canRestrict = mandate.abilities.restrict;

  const update = (fn: (d: TestimonyDraft) => void) =>
    setDraft((prev) => {
      const next = structuredClone(prev);
      fn(next);
      storeDraft(next);
      return next;
    });
  const discard = () => {
    clearDraft();
    setDraft(emptyDraft());
    setGeneration((g) => g + 1);
    setShowRestored(false);
    setProblems({});
    setError(null);
    setStatus(t("testimony.discarded"));
  };
  const scopeLabel = (scope: string) => {
    if (scope === "source") return t("testimony.interviewTitle");
    if (scope === "person") return t("testimony.personTitle");
    const [e = 0, a, p] = scope.split(".").map((s) => Number(s.slice(1)) + 1);
    if (p) return t("testimony.perpetrator", { event: e, act: a, perpetrator: p });
    if (a) return t("testimony.act", { event: e, act: a });
    return t("testimony.event", { event: e });
  };
  const fail = (message: string) => {
    setError(message);
    setStatus("");
    queueMicrotask(() => alertRef.current?.focus());
  };

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    const local = localProblems(draft, t);
    setProblems(local);
    if (Object.keys(local).length) return fail(t("testimony.fixFirst"));
    setBusy(true);
    setError(null);
    setStatus(t("testimony.saving"));
    const work = structuredClone(draft);
    try {
      const defaults = { source: source.defaultConfidentiality, event: event.defaultConfidentiality };
      const sourceId = await saveTestimony(
        work,
        mandate.id,
        (d) => {
          storeDraft(d);
          setDraft(structuredClone(d));
        },
        defaults,
      );
      clearDraft();
      navigate(`/sources/${sourceId}`);
      void queryClient.invalidateQueries();
    } catch (e) {
      const apiError = e instanceof SaveError && e.reason instanceof ApiError ? e.reason : null;
      if (e instanceof SaveError) {
        setProblems(apiProblems(e.scope, apiError?.fields ?? {}));
        fail(t("testimony.failed", { where: scopeLabel(e.scope), message: e.message }));
      } else fail(t("app.error"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t("testimony.title")}</h1>
      <p className="hint">{t("testimony.intro")}</p>
      {showRestored && (
        <p className="notice">
          {t("testimony.restored")}{" "}
          <button type="button" className="secondary" onClick={discard}>
            {t("testimony.discard")}
          </button>
        </p>
      )}
      <p role="status" className="status">
        {status}
      </p>
      {error && (
        <p role="alert" className="error" ref={alertRef} tabIndex={-1}>
          {error}
        </p>
      )}
      <form key={generation} onSubmit={save} className="record-form testimony" noValidate>
        <fieldset className="testimony-section">
          <legend>{t("testimony.interviewTitle")}</legend>
          <Fields
            fields={source.fields.filter((f) => !sourceFieldsLeftOut.has(f.name))}
            scope="source"
            values={draft.source}
            onChange={(name, v) => update((d) => (d.source[name] = v))}
            problems={problems}
            legend={t("testimony.interviewTitle")}
            saved={Boolean(draft.sourceId)}
          >
            <RecordAccess
              scope="source"
              values={draft.source}
              onChange={(name, v) => update((d) => (d.source[name] = v))}
              problems={problems}
              defaultLevel={source.defaultConfidentiality}
              canRestrict={canRestrict}
              hint={t("testimony.sourceLevelHint")}
            />
          </Fields>
        </fieldset>
        <PersonSection
          person={draft.person}
          personType={person}
          sourceType={source}
          problems={problems}
          update={update}
          canRestrict={canRestrict}
        />
        <section className="testimony-section" aria-labelledby="testimony-events">
          <h2 id="testimony-events">{t("testimony.eventsTitle")}</h2>
          {draft.events.map((e, i) => (
            <EventSection
              key={e.key}
              event={e}
              e={i}
              types={{ event, act, involvement }}
              problems={problems}
              update={update}
            />
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => update((d) => d.events.push(emptyEvent()))}
          >
            {t("testimony.addEvent")}
          </button>
        </section>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("testimony.save")}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              storeDraft(draft);
              setStatus(t("testimony.draftKept"));
            }}
          >
            {t("testimony.saveDraft")}
          </button>
        </div>
      </form>
    </>
  );
}
