import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { formatDay } from "../records/field-value.js";

const answerable = new Set(["sent", "replied", "no_reply", "published"]);

/** The state's replies to a letter, newest first, and a way to record another once the letter is sent. */
export function CommunicationReplies({ communication: c }: { communication: ApiRecord }) {
  const { t, i18n } = useTranslation();
  const replies = useQuery({
    queryKey: ["communication-replies", c.id],
    queryFn: () =>
      api.get<Page<ApiRecord>>(
        `/communication-replies?communicationId=${c.id}&sort=receivedOn&order=desc&limit=100`,
      ),
  });
  return (
    <section aria-labelledby="letter-replies-title">
      <h3 id="letter-replies-title">{t("communications.replies")}</h3>
      {replies.data?.items.length === 0 && <p>{t("communications.noReplies")}</p>}
      <ul>
        {replies.data?.items.map((r) => (
          <li key={r.id}>
            <Link to={`/communication-replies/${r.id}`}>
              {formatDay(String(r.receivedOn), i18n.language)}
            </Link>
            {typeof r.summary === "string" && r.summary ? ` — ${r.summary}` : ""}
          </li>
        ))}
      </ul>
      {answerable.has(String(c.status)) && c.abilities.update && (
        <Link to={`/communication-replies/new?communicationId=${c.id}`}>
          {t("communications.recordReply")}
        </Link>
      )}
    </section>
  );
}
