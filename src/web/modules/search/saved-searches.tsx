import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { canonical } from "./search-params.js";
import { useSavedSearches } from "./use-search.js";

/** Saving the search on screen under a name (its address is all that is kept), and the saved ones as links. */
export function SavedSearches({ mandateId }: { mandateId: string | undefined }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { list, save, remove } = useSavedSearches(mandateId);
  const [name, setName] = useState("");
  const [status, setStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const nameProblem =
    save.error instanceof ApiError ? (save.error.fields.name?.message ?? save.error.message) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus("");
    const saved = await save
      .mutateAsync({ name: name.trim(), query: canonical(params, { keepOffset: false }).toString() })
      .catch(() => null);
    if (!saved) return;
    setName("");
    setStatus(t("search.savedNow", { name: saved.name }));
  };

  return (
    <section className="saved-searches" aria-labelledby="saved-heading">
      <h2 id="saved-heading" ref={heading} tabIndex={-1}>
        {t("search.saved")}
      </h2>
      <form className="save-search" onSubmit={submit}>
        <div className={nameProblem ? "field has-error" : "field"}>
          <label htmlFor="saved-name">{t("search.saveName")}</label>
          <input
            id="saved-name"
            value={name}
            required
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? "saved-name-error" : undefined}
          />
          {nameProblem && (
            <span id="saved-name-error" className="field-error">
              {nameProblem}
            </span>
          )}
        </div>
        <button type="submit" disabled={save.isPending || !mandateId}>
          {t("search.save")}
        </button>
      </form>
      <p role="status" className="status">
        {status}
      </p>
      {list.data && list.data.length === 0 && <p className="hint">{t("search.noSaved")}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="saved-list">
          {list.data.map((s) => (
            <li key={s.id}>
              <Link to={`/search?${s.query}`}>{s.name}</Link>{" "}
              <button
                type="button"
                className="secondary small"
                aria-label={t("search.deleteOf", { name: s.name })}
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(s, {
                    onSuccess: () => {
                      setStatus(t("search.deleted", { name: s.name }));
                      // The button pressed is gone: keep the keyboard in this section.
                      heading.current?.focus();
                    },
                  })
                }
              >
                {t("search.delete")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <p role="alert">{remove.error.message}</p>}
    </section>
  );
}
