import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { Term } from "../../api/types.js";
import { describedBy, FieldProblem, problemsOf } from "./field-problems.js";
import { keepingFocus } from "./keep-focus.js";
import type { Notice } from "./notice.js";

const editable = ["en", "ko"] as const;

interface Props {
  term: Term;
  onDone: (notice: Notice) => Promise<void>;
  onError: (message: string) => void;
}

/** One term of the tree: indented by level, with its code; its English and Korean labels edited in place; retired or restored. */
export function TermRow({ term, onDone, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const firstInput = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Keyboard users land in the first label when editing starts, and back on "Edit labels" when it ends.
  useEffect(() => {
    if (editing) firstInput.current?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const name = term.labels[i18n.language] ?? term.labels.en ?? term.code;
  const patch = (body: unknown, notice: Notice) =>
    keepingFocus(async () => {
      setBusy(true);
      setProblems({});
      try {
        await api.patch(`/vocabularies/${term.list}/terms/${term.code}`, body);
        setEditing(false);
        await onDone(notice);
      } catch (err) {
        setProblems(problemsOf(err));
        onError(err instanceof ApiError ? err.message : t("app.error"));
      } finally {
        setBusy(false);
      }
    });
  const save = () => {
    const labels: Record<string, string> = {};
    for (const l of editable) if ((draft[l] ?? "") !== (term.labels[l] ?? "")) labels[l] = draft[l] ?? "";
    if (!Object.keys(labels).length) {
      setEditing(false);
      return;
    }
    void patch({ labels }, { key: "vocabAdmin.saved", params: { code: term.code } });
  };
  const startEditing = () => {
    setDraft({ en: term.labels.en ?? "", ko: term.labels.ko ?? "" });
    setProblems({});
    setEditing(true);
  };
  return (
    <tr className={term.retired ? "retired" : undefined}>
      <th scope="row">
        <span className="term" style={{ paddingInlineStart: `${term.level * 1.25}rem` }}>
          {name} <span className="code">{term.code}</span>
          {term.retired && <span className="badge retired-badge">{t("vocabAdmin.retired")}</span>}
        </span>
      </th>
      {editable.map((l) => {
        const id = `label-${term.code}-${l}`;
        const problem = problems[`labels.${l}`];
        return (
          <td key={l} lang={l} className={problem ? "has-error" : undefined}>
            {editing ? (
              <>
                <input
                  ref={l === "en" ? firstInput : undefined}
                  id={id}
                  lang={l}
                  value={draft[l] ?? ""}
                  aria-label={t(l === "en" ? "vocabAdmin.labelEnOf" : "vocabAdmin.labelKoOf", {
                    code: term.code,
                  })}
                  onChange={(e) => setDraft((d) => ({ ...d, [l]: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") save();
                    if (e.key === "Escape") setEditing(false);
                  }}
                  {...describedBy(id, problem)}
                />
                <FieldProblem id={id} problem={problem} />
              </>
            ) : (
              (term.labels[l] ?? <span className="none">{t("record.none")}</span>)
            )}
          </td>
        );
      })}
      <td>
        <span className="inline-controls">
          {editing ? (
            <>
              <button
                type="button"
                aria-label={t("vocabAdmin.saveOf", { code: term.code })}
                disabled={busy}
                onClick={save}
              >
                {t("record.save")}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => setEditing(false)}>
                {t("record.cancel")}
              </button>
            </>
          ) : (
            <button
              ref={editButton}
              type="button"
              className="secondary"
              aria-label={t("vocabAdmin.editOf", { code: term.code })}
              onClick={startEditing}
            >
              {t("vocabAdmin.edit")}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            aria-label={t(term.retired ? "vocabAdmin.restoreOf" : "vocabAdmin.retireOf", { code: term.code })}
            disabled={busy}
            onClick={() =>
              patch(
                { retired: !term.retired },
                {
                  key: term.retired ? "vocabAdmin.restored" : "vocabAdmin.retiredNow",
                  params: { code: term.code, name: term.labels },
                },
              )
            }
          >
            {t(term.retired ? "vocabAdmin.restore" : "vocabAdmin.retire")}
          </button>
        </span>
      </td>
    </tr>
  );
}
