import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api/client.js";
import { useSession } from "../../api/queries.js";
import type { Term } from "../../api/types.js";
import { adminAccess } from "./admin-access.js";
import type { VocabList } from "./admin-types.js";
import { ImportForm } from "./import-form.js";
import { type Notice, NoticeText } from "./notice.js";
import { TermRow } from "./term-row.js";

/**
 * Vocabulary administration (admins): pick a list, see its terms as a tree, search them in English or Korean,
 * translate labels in place, retire and restore terms, import a thesauri file. The list, search and the retired
 * toggle are kept in the address.
 */
export default function VocabulariesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  const access = adminAccess(session);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lists = useQuery({
    queryKey: ["admin", "vocab-lists"],
    enabled: access.vocabularies,
    queryFn: async () => (await api.get<{ items: VocabList[] }>("/vocabularies")).items,
  });
  const listName = params.get("list") ?? lists.data?.[0]?.name;
  const q = params.get("q") ?? "";
  // Held here as well as in the address, so the box answers at once while the address catches up.
  const [includeRetired, setIncludeRetired] = useState(params.get("retired") !== "hide");
  const [draft, setDraft] = useState(q);
  const terms = useQuery({
    queryKey: ["admin", "terms", listName, q, includeRetired],
    enabled: access.vocabularies && Boolean(listName),
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const query = new URLSearchParams({ includeRetired: String(includeRetired) });
      if (q) query.set("q", q);
      return (await api.get<{ items: Term[] }>(`/vocabularies/${listName}/terms?${query.toString()}`)).items;
    },
  });
  if (!access.vocabularies) return <p role="alert">{t("admin.notAllowed")}</p>;

  const labelOf = (l: VocabList) => l.labels[i18n.language] ?? l.labels.en ?? l.name;
  const current = lists.data?.find((l) => l.name === listName);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    update({ q: draft.trim() });
  };
  const refresh = async (list?: string) => {
    await queryClient.invalidateQueries({ queryKey: ["admin", "terms", list ?? listName] });
    // Pickers and labels elsewhere in the application read the same terms.
    await queryClient.invalidateQueries({ queryKey: ["terms", list ?? listName] });
  };
  const done = async (notice: Notice) => {
    setError(null);
    setStatus(notice);
    await refresh();
  };
  const failed = (message: string) => {
    setStatus(null);
    setError(message);
  };
  const items = terms.data ?? [];

  return (
    <>
      <h1>{t("vocabAdmin.title")}</h1>
      <form className="filters" onSubmit={search} aria-label={t("vocabAdmin.browse")}>
        <div className="field">
          <label htmlFor="vocab-list">{t("vocabAdmin.list")}</label>
          <select
            id="vocab-list"
            value={listName ?? ""}
            onChange={(e) => {
              setStatus(null);
              setError(null);
              setDraft("");
              update({ list: e.target.value, q: null });
            }}
          >
            {lists.data?.map((l) => (
              <option key={l.name} value={l.name}>
                {labelOf(l)} ({l.number})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="vocab-q">{t("vocabAdmin.searchLabel")}</label>
          <input id="vocab-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div className="field checkbox">
          <input
            id="vocab-retired"
            type="checkbox"
            checked={includeRetired}
            onChange={(e) => {
              setIncludeRetired(e.target.checked);
              update({ retired: e.target.checked ? null : "hide" });
            }}
          />
          <label htmlFor="vocab-retired">{t("vocabAdmin.includeRetired")}</label>
        </div>
        <button type="submit">{t("list.search")}</button>
      </form>
      <p role="status" className="status">
        <NoticeText notice={status} />
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {(lists.error || terms.error) && (
        <p role="alert" className="error">
          {((lists.error ?? terms.error) as Error).message}
        </p>
      )}
      <table className="records terms" aria-busy={terms.isFetching}>
        <caption>
          {current
            ? q
              ? t("vocabAdmin.captionSearch", { list: labelOf(current), count: items.length, q })
              : t("vocabAdmin.caption", { list: labelOf(current), count: items.length })
            : t("vocabAdmin.title")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("vocabAdmin.term")}</th>
            <th scope="col">{t("vocabAdmin.labelEn")}</th>
            <th scope="col">{t("vocabAdmin.labelKo")}</th>
            <th scope="col">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((term) => (
            <TermRow key={term.code} term={term} onDone={done} onError={failed} />
          ))}
        </tbody>
      </table>
      {terms.isPending && listName && <p>{t("app.loading")}</p>}
      {terms.data && items.length === 0 && <p>{t("vocabAdmin.none")}</p>}
      <ImportForm
        onImported={async () => {
          await queryClient.invalidateQueries({ queryKey: ["admin", "vocab-lists"] });
          await queryClient.invalidateQueries({ queryKey: ["admin", "terms"] });
          await queryClient.invalidateQueries({ queryKey: ["terms"] });
        }}
      />
    </>
  );
}
