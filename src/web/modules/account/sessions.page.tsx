import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";

interface OpenSession {
  id: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** The signed-in user's open sessions, with a way to end one or all the others (a lost laptop, a shared computer). */
export default function SessionsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [done, setDone] = useState("");
  const sessions = useQuery({
    queryKey: ["auth", "sessions"],
    queryFn: () => api.get<{ items: OpenSession[] }>("/auth/sessions"),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["auth", "sessions"] });
  const endOne = useMutation({
    mutationFn: (id: string) => api.delete(`/auth/sessions/${id}`),
    onSuccess: async () => {
      setDone(t("sessions.ended", { count: 1 }));
      await refresh();
    },
  });
  const endOthers = useMutation({
    mutationFn: () => api.post<{ ended: number }>("/auth/sessions/end-others"),
    onSuccess: async (r) => {
      setDone(t("sessions.ended", { count: r.ended }));
      await refresh();
    },
  });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const error = sessions.error ?? endOne.error ?? endOthers.error;
  return (
    <section>
      <h1>{t("sessions.title")}</h1>
      <p>{t("sessions.intro")}</p>
      <p role="status">{done}</p>
      {error && (
        <p role="alert" className="error">
          {error instanceof ApiError ? error.message : t("app.error")}
        </p>
      )}
      {sessions.isPending && <p>{t("app.loading")}</p>}
      {sessions.data && (
        <table>
          <caption>{t("sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sessions.browser")}</th>
              <th scope="col">{t("sessions.address")}</th>
              <th scope="col">{t("sessions.opened")}</th>
              <th scope="col">{t("sessions.lastUsed")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("sessions.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent ?? t("sessions.unknown")}
                  {s.current && <strong> ({t("sessions.this")})</strong>}
                </td>
                <td>{s.ip ?? "—"}</td>
                <td>{when(s.createdAt)}</td>
                <td>{when(s.lastSeenAt)}</td>
                <td>
                  {!s.current && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={endOne.isPending}
                      onClick={() => endOne.mutate(s.id)}
                    >
                      {t("sessions.end")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button
          type="button"
          disabled={endOthers.isPending || (sessions.data?.items.length ?? 0) <= 1}
          onClick={() => endOthers.mutate()}
        >
          {t("sessions.endOthers")}
        </button>
      </p>
    </section>
  );
}
