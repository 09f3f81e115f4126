import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { sorts, withValues } from "./search-params.js";
import { useDebounced } from "./use-search.js";

/**
 * The words and the order. Typing searches once the typing pauses (that step replaces the current history entry,
 * so back does not walk through every keystroke); Enter searches at once; the order applies when chosen.
 */
export function SearchForm() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const inAddress = params.get("q") ?? "";
  const [text, setText] = useState(inAddress);
  // The words last written to (or read from) the address, so a change made elsewhere (back, a saved search,
  // a link) replaces the box's text but the page's own write does not undo keys typed meanwhile.
  const written = useRef(inAddress);
  useEffect(() => {
    if (inAddress === written.current) return;
    written.current = inAddress;
    setText(inAddress);
  }, [inAddress]);

  const write = (value: string, replace: boolean) => {
    if (value.trim() === written.current.trim()) return;
    written.current = value;
    setParams((prev) => withValues(prev, { q: value.trim() || null }), { replace });
  };
  const settled = useDebounced(text, 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a pause in typing writes the words.
  useEffect(() => write(settled, true), [settled]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    write(text, false);
  };
  const chosen = sorts.find((s) => s === params.get("sort"));
  // What the API does without a choice: the best matches first when there are words, else the newest.
  const sort = chosen ?? (inAddress ? "relevance" : "date_desc");
  return (
    <search>
      <form className="search-form" onSubmit={submit}>
        <div className="field search-words">
          <label htmlFor="search-q">{t("search.label")}</label>
          <input
            id="search-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="search-q-hint"
            autoComplete="off"
            spellCheck={false}
          />
          <span id="search-q-hint" className="hint">
            {t("search.hint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="search-sort">{t("search.sort")}</label>
          <select
            id="search-sort"
            value={sort}
            onChange={(e) => setParams((prev) => withValues(prev, { sort: e.target.value }))}
          >
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`search.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
