import { useTranslation } from "react-i18next";
import type { RecordType } from "../../api/types.js";
import { ConfidentialitySelect } from "../records/confidentiality-select.js";
import { ActSection } from "./act-section.js";
import { type EventDraft, emptyAct, eventScope, type TestimonyDraft } from "./draft.js";
import { Field, Fields, fieldId, reliabilityField } from "./fields.js";

interface Props {
  event: EventDraft;
  e: number;
  types: { event: RecordType; act: RecordType; involvement: RecordType };
  problems: Record<string, string>;
  update: (fn: (d: TestimonyDraft) => void) => void;
}

/** One event told in the testimony, with its acts. */
export function EventSection({ event, e, types, problems, update }: Props) {
  const { t } = useTranslation();
  const scope = eventScope(e);
  const n = { event: e + 1 };
  const change = (fn: (ev: EventDraft) => void) =>
    update((d) => {
      const target = d.events[e];
      if (target) fn(target);
    });
  return (
    <fieldset className="testimony-event">
      <legend>{t("testimony.event", n)}</legend>
      <Fields
        fields={types.event.fields}
        scope={scope}
        values={event.values}
        onChange={(name, v) => change((x) => (x.values[name] = v))}
        problems={problems}
        legend={t("testimony.eventDetails", n)}
        saved={Boolean(event.id)}
      >
        <ConfidentialitySelect
          id={fieldId(scope, "confidentiality")}
          value={event.values.confidentiality}
          defaultLevel={types.event.defaultConfidentiality}
          onChange={(v) => change((x) => (x.values.confidentiality = v))}
          problem={problems[`${scope}.confidentiality`]}
          hint={t("testimony.eventLevelHint")}
        />
      </Fields>
      <fieldset className="bare" disabled={Boolean(event.linkId)}>
        <legend className="visually-hidden">
          {t("testimony.linkOf", { what: t("testimony.event", n) })}
        </legend>
        <Field
          field={reliabilityField}
          scope={scope}
          label={t("testimony.reliability")}
          value={event.reliability}
          onChange={(v) => change((x) => (x.reliability = (v as string | null) ?? null))}
          problem={problems[`${scope}.reliability`] ?? problems[`${scope}.targetId`]}
        />
      </fieldset>
      {event.acts.map((act, a) => (
        <ActSection
          key={act.key}
          act={act}
          e={e}
          a={a}
          actType={types.act}
          involvementType={types.involvement}
          problems={problems}
          update={update}
        />
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => change((x) => x.acts.push(emptyAct()))}>
          {t("testimony.addAct", n)}
        </button>
        {!event.id && (
          <button type="button" className="secondary" onClick={() => update((d) => d.events.splice(e, 1))}>
            {t("testimony.removeEvent", n)}
          </button>
        )}
      </div>
    </fieldset>
  );
}
