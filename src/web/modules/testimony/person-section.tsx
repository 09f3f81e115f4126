import { useTranslation } from "react-i18next";
import type { RecordType } from "../../api/types.js";
import { SimilarPersons } from "../records/similar-persons.js";
import type { TestimonyDraft } from "./draft.js";
import { Field, Fields, RecordAccess } from "./fields.js";

interface Props {
  person: TestimonyDraft["person"];
  personType: RecordType;
  sourceType: RecordType;
  problems: Record<string, string>;
  update: (fn: (d: TestimonyDraft) => void) => void;
  /** Offer the restricted-to list for a new person. */
  canRestrict: boolean;
}

/** The person interviewed: one already recorded, picked, or a new one, with similar pseudonyms suggested. */
export function PersonSection({ person, personType, sourceType, problems, update, canRestrict }: Props) {
  const { t } = useTranslation();
  const picker = sourceType.fields.find((f) => f.name === "intervieweeId");
  const saved = Boolean(person.id);
  const mode = (m: "existing" | "new") => update((d) => (d.person.mode = m));
  return (
    <fieldset className="testimony-section">
      <legend>{t("testimony.personTitle")}</legend>
      <fieldset className="choice" disabled={saved}>
        <legend>{t("testimony.personWhich")}</legend>
        <label>
          <input
            type="radio"
            name="person-mode"
            checked={person.mode === "new"}
            onChange={() => mode("new")}
          />{" "}
          {t("testimony.personNew")}
        </label>
        <label>
          <input
            type="radio"
            name="person-mode"
            checked={person.mode === "existing"}
            onChange={() => mode("existing")}
          />{" "}
          {t("testimony.personExisting")}
        </label>
      </fieldset>
      {person.mode === "existing" && picker ? (
        <Field
          field={picker}
          scope="person"
          label={t("testimony.personPick")}
          value={person.existingId}
          onChange={(v) => update((d) => (d.person.existingId = (v as string | null) ?? null))}
          problem={problems["person.intervieweeId"]}
        />
      ) : (
        <>
          <Fields
            fields={personType.fields}
            scope="person"
            values={person.values}
            onChange={(name, v) => update((d) => (d.person.values[name] = v))}
            problems={problems}
            legend={t("testimony.personNew")}
            saved={saved}
          >
            <RecordAccess
              scope="person"
              values={person.values}
              onChange={(name, v) => update((d) => (d.person.values[name] = v))}
              problems={problems}
              defaultLevel={personType.defaultConfidentiality}
              canRestrict={canRestrict}
            />
          </Fields>
          {!saved && <SimilarPersons code={String(person.values.code ?? "")} />}
        </>
      )}
    </fieldset>
  );
}
