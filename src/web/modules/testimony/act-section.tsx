import { useTranslation } from "react-i18next";
import type { RecordType } from "../../api/types.js";
import { type ActDraft, actScope, emptyPerpetrator, perpetratorScope, type TestimonyDraft } from "./draft.js";
import { Field, Fields, fieldId, reliabilityField } from "./fields.js";

interface Props {
  act: ActDraft;
  e: number;
  a: number;
  actType: RecordType;
  involvementType: RecordType;
  problems: Record<string, string>;
  update: (fn: (d: TestimonyDraft) => void) => void;
}

const actFieldNames = ["actType", "actDate", "placeId", "detentionType", "whereabouts", "consequences"];
const perpetratorFieldNames = ["perpetratorName", "perpetratorId", "perpetratorType", "degree", "note"];

/** One act of an event: its victim (the person interviewed by default), type, date, place and perpetrators. */
export function ActSection({ act, e, a, actType, involvementType, problems, update }: Props) {
  const { t } = useTranslation();
  const scope = actScope(e, a);
  const n = { event: e + 1, act: a + 1 };
  const fields = actFieldNames.flatMap((name) => actType.fields.filter((f) => f.name === name));
  const victimField = actType.fields.find((f) => f.name === "victimId");
  const perpFields = perpetratorFieldNames.flatMap((name) =>
    involvementType.fields.filter((f) => f.name === name),
  );
  const change = (fn: (act: ActDraft) => void) =>
    update((d) => {
      const target = d.events[e]?.acts[a];
      if (target) fn(target);
    });
  const victimId = fieldId(scope, "victimWho");
  return (
    <fieldset className="testimony-act">
      <legend>{t("testimony.act", n)}</legend>
      <fieldset className="bare" disabled={Boolean(act.id)}>
        <legend className="visually-hidden">{t("testimony.victimOf", n)}</legend>
        <div className="field">
          <label htmlFor={victimId}>{t("field.victimId")}</label>
          <select
            id={victimId}
            value={act.victimIsInterviewee ? "interviewee" : "other"}
            onChange={(ev) => change((x) => (x.victimIsInterviewee = ev.target.value === "interviewee"))}
          >
            <option value="interviewee">{t("testimony.victimInterviewee")}</option>
            <option value="other">{t("testimony.victimOther")}</option>
          </select>
        </div>
        {!act.victimIsInterviewee && victimField && (
          <Field
            field={victimField}
            scope={scope}
            label={t("testimony.otherVictim")}
            value={act.values.victimId}
            onChange={(v) => change((x) => (x.values.victimId = v))}
            problem={problems[`${scope}.victimId`]}
          />
        )}
      </fieldset>
      <Fields
        fields={fields}
        scope={scope}
        values={act.values}
        onChange={(name, v) => change((x) => (x.values[name] = v))}
        problems={problems}
        legend={t("testimony.actDetails", n)}
        saved={Boolean(act.id)}
      />
      <fieldset className="bare" disabled={Boolean(act.linkId)}>
        <legend className="visually-hidden">{t("testimony.linkOf", { what: t("testimony.act", n) })}</legend>
        <Field
          field={reliabilityField}
          scope={scope}
          label={t("testimony.reliability")}
          value={act.reliability}
          onChange={(v) => change((x) => (x.reliability = (v as string | null) ?? null))}
          problem={problems[`${scope}.reliability`] ?? problems[`${scope}.targetId`]}
        />
      </fieldset>
      {act.perpetrators.map((p, i) => {
        const pn = { ...n, perpetrator: i + 1 };
        return (
          <fieldset key={p.key} className="testimony-perpetrator">
            <legend>{t("testimony.perpetrator", pn)}</legend>
            <Fields
              fields={perpFields}
              scope={perpetratorScope(e, a, i)}
              values={p.values}
              onChange={(name, v) =>
                change((x) => {
                  const target = x.perpetrators[i];
                  if (target) target.values[name] = v;
                })
              }
              problems={problems}
              legend={t("testimony.perpetratorDetails", pn)}
              saved={Boolean(p.id)}
            />
            {!p.id && (
              <button
                type="button"
                className="secondary"
                onClick={() => change((x) => x.perpetrators.splice(i, 1))}
              >
                {t("testimony.removePerpetrator", pn)}
              </button>
            )}
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => change((x) => x.perpetrators.push(emptyPerpetrator()))}
        >
          {t("testimony.addPerpetrator", n)}
        </button>
        {!act.id && (
          <button
            type="button"
            className="secondary"
            onClick={() => update((d) => d.events[e]?.acts.splice(a, 1))}
          >
            {t("testimony.removeAct", n)}
          </button>
        )}
      </div>
    </fieldset>
  );
}
