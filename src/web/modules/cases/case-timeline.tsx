import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { formatDay, RefLink } from "../records/field-value.js";

/** A case's status timeline, newest first: each step dated, with the source that tells it. */
export default function CaseTimeline({ record: c }: { record: ApiRecord }) {
  const { t, i18n } = useTranslation();
  const changes = useQuery({
    queryKey: ["case-status-changes", c.id],
    queryFn: () =>
      api.get<Page<ApiRecord>>(`/case-status-changes?caseId=${c.id}&sort=statusOn&order=desc&limit=100`),
  });
  return (
    <section aria-labelledby="timeline-title" className="case-timeline">
      <h2 id="timeline-title">{t("cases.timeline")}</h2>
      {changes.data?.items.length === 0 && <p>{t("cases.noChanges")}</p>}
      <ol className="timeline">
        {changes.data?.items.map((s) => (
          <li key={s.id}>
            <time dateTime={String(s.statusOn)}>{formatDay(String(s.statusOn), i18n.language)}</time>{" "}
            <Link to={`/case-status-changes/${s.id}`}>{t(`value.${String(s.status)}` as "value.none")}</Link>
            {typeof s.sourceId === "string" && (
              <>
                {" · "}
                {t("field.sourceId")}: <RefLink table="sources" id={s.sourceId} />
              </>
            )}
            {typeof s.note === "string" && s.note && <p className="note">{s.note}</p>}
          </li>
        ))}
      </ol>
      {c.abilities.update && (
        <Link to={`/case-status-changes/new?caseId=${c.id}`}>{t("cases.addStatus")}</Link>
      )}
    </section>
  );
}
