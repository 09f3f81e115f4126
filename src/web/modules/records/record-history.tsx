import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";

interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  ip: string | null;
  fields: string[] | null;
}

/** The record's audit trail: who read or changed it, when, from where, and which fields (never values). */
export function RecordHistory({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ["history", recordId],
    enabled: open,
    queryFn: async () =>
      (await api.get<{ items: AuditEntry[] }>(`/audit?recordId=${recordId}&limit=200`)).items,
  });
  const members = useQuery({
    queryKey: ["people-names"],
    enabled: open,
    queryFn: async () => (await api.get<{ items: { id: string; displayName: string }[] }>("/users")).items,
    retry: false,
  });
  const nameOf = (id: string | null) =>
    id ? (members.data?.find((u) => u.id === id)?.displayName ?? id.slice(-8)) : t("history.system");
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t("history.title")}</h2>
      {!open ? (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t("history.show")}
        </button>
      ) : (
        <table className="records" aria-busy={history.isFetching}>
          <caption>{t("history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("history.who")}</th>
              <th scope="col">{t("history.action")}</th>
              <th scope="col">{t("history.fields")}</th>
              <th scope="col">{t("history.from")}</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.map((e) => (
              <tr key={e.id}>
                <td>{when.format(new Date(e.at))}</td>
                <td>{nameOf(e.actorId)}</td>
                <td>
                  {t(`history.actions.${e.action}` as "history.actions.read", { defaultValue: e.action })}
                </td>
                <td>{e.fields?.join(", ") ?? ""}</td>
                <td>{e.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
