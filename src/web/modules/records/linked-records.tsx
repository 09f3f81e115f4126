import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { RecordName } from "./record-name.js";

interface Link_ {
  plural: string;
  param: string;
  /** Pre-filled fields when adding one from here. */
  add?: Record<string, string>;
}

/** What each record type links to: person → acts as victim, relations, interviews; event → acts; act → involvements… */
const linksOf: Record<string, (id: string) => Link_[]> = {
  person: (id): Link_[] => [
    { plural: "acts", param: `victimId=${id}` },
    { plural: "relations", param: `personId=${id}`, add: { personId: id } },
    { plural: "relations", param: `relatedPersonId=${id}` },
    { plural: "sources", param: `intervieweeId=${id}`, add: { intervieweeId: id } },
    { plural: "involvements", param: `perpetratorId=${id}` },
    { plural: "information-links", param: `targetId=${id}`, add: { targetType: "person", targetId: id } },
  ],
  event: (id): Link_[] => [
    { plural: "acts", param: `eventId=${id}`, add: { eventId: id } },
    { plural: "information-links", param: `targetId=${id}`, add: { targetType: "event", targetId: id } },
  ],
  act: (id): Link_[] => [
    { plural: "involvements", param: `actId=${id}`, add: { actId: id } },
    { plural: "information-links", param: `targetId=${id}`, add: { targetType: "act", targetId: id } },
  ],
  source: (id): Link_[] => [
    { plural: "information-links", param: `sourceId=${id}`, add: { sourceId: id } },
    { plural: "attachments", param: `sourceId=${id}` },
  ],
  visit_request: (id): Link_[] => [
    { plural: "visit-request-entries", param: `visitRequestId=${id}`, add: { visitRequestId: id } },
    { plural: "visits", param: `visitRequestId=${id}`, add: { visitRequestId: id } },
  ],
  visit: (id): Link_[] => [{ plural: "meetings", param: `visitId=${id}`, add: { visitId: id } }],
  case: (id): Link_[] => [
    { plural: "case-status-changes", param: `caseId=${id}`, add: { caseId: id } },
    { plural: "case-links", param: `caseId=${id}`, add: { caseId: id } },
  ],
  communication: (id): Link_[] => [
    { plural: "communication-links", param: `communicationId=${id}`, add: { communicationId: id } },
    { plural: "communication-replies", param: `communicationId=${id}`, add: { communicationId: id } },
  ],
};

function LinkedSection({ link }: { link: Link_ }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ["linked", link.plural, link.param],
    queryFn: () => api.get<Page<ApiRecord>>(`/${link.plural}?${link.param}&limit=100`),
  });
  const heading = `${t(`types.${link.plural}` as "types.persons")} (${t(`field.${link.param.split("=")[0]}` as "field.kind")})`;
  return (
    <section className="linked" aria-label={heading}>
      <h3>
        {heading} <span className="count">{data?.items.length ?? ""}</span>
      </h3>
      <ul>
        {data?.items.map((r) => (
          <li key={r.id}>
            <Link to={`/${link.plural}/${r.id}`}>
              <RecordName record={r} />
            </Link>
          </li>
        ))}
      </ul>
      {link.add && (
        <Link to={`/${link.plural}/new?${new URLSearchParams(link.add).toString()}`}>
          {t("list.new", { type: t(`types.${link.plural}` as "types.persons") })}
        </Link>
      )}
    </section>
  );
}

/** The records linked to this one, each list with a way to add another. */
export function LinkedRecords({ record }: { record: ApiRecord }) {
  const { t } = useTranslation();
  const links = linksOf[record.type]?.(record.id) ?? [];
  if (!links.length) return null;
  return (
    <section aria-labelledby="linked-title">
      <h2 id="linked-title">{t("record.linked")}</h2>
      <div className="cards">
        {links.map((l) => (
          <LinkedSection key={`${l.plural}-${l.param}`} link={l} />
        ))}
      </div>
    </section>
  );
}
