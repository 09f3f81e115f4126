import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { useSession } from "../../api/queries.js";
import { adminAccess } from "../admin/admin-access.js";

interface OutboxEntry {
  name: string;
  date: string;
  to: string;
  subject: string;
  size: number;
}

/** The outbox (admins): e-mail written to files because no SMTP server is configured, each one downloadable. */
export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const access = adminAccess(useSession().data);
  const outbox = useQuery({
    queryKey: ["admin", "outbox"],
    enabled: access.isAdmin,
    queryFn: async () => (await api.get<{ items: OutboxEntry[] }>("/admin/outbox")).items,
  });
  if (!access.isAdmin) return <p role="alert">{t("admin.notAllowed")}</p>;
  const items = outbox.data ?? [];
  return (
    <>
      <h1>{t("notifications.outboxTitle")}</h1>
      <p>{t("notifications.outboxIntro")}</p>
      {outbox.error && (
        <p role="alert" className="error">
          {outbox.error instanceof ApiError ? outbox.error.message : t("app.error")}
        </p>
      )}
      {outbox.isPending && <p>{t("app.loading")}</p>}
      {outbox.data && (
        <table className="records" aria-busy={outbox.isFetching}>
          <caption>{t("notifications.outboxCaption", { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("notifications.outboxDate")}</th>
              <th scope="col">{t("notifications.outboxTo")}</th>
              <th scope="col">{t("notifications.outboxSubject")}</th>
              <th scope="col">{t("notifications.outboxSize")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.name}>
                <td>
                  <time dateTime={m.date}>{new Date(m.date).toLocaleString(i18n.language)}</time>
                </td>
                <td>{m.to}</td>
                <td>
                  <a href={`/api/v1/admin/outbox/${m.name}`} download={m.name}>
                    {m.subject || m.name}
                  </a>
                </td>
                <td>{new Intl.NumberFormat(i18n.language).format(m.size)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
