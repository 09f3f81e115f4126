import { useTranslation } from "react-i18next";
import { formatPartialDate } from "../../../shared/dates.js";
import type { ApiRecord } from "../../api/types.js";
import { formatDay, TermLabel } from "./field-value.js";
import { recordTitle } from "./record-title.js";
import { TargetTitle } from "./target-title.js";

/** How a record is named in lists and links: acts by their type and date, relations by their kind, and so on. */
export function RecordName({ record: r }: { record: ApiRecord }) {
  const { t, i18n } = useTranslation();
  const date = (k: string) =>
    formatPartialDate(r[k] as { value: string; precision: string } | null, i18n.language);
  switch (r.type) {
    case "act":
      return (
        <>
          <TermLabel list="types_of_acts" code={String(r.actType)} bare /> {date("actDate")}
        </>
      );
    case "relation":
      return <TermLabel list="types_of_relationships" code={String(r.relationType)} bare />;
    case "involvement":
      return r.perpetratorName ? (
        String(r.perpetratorName)
      ) : (
        <TermLabel list="types_of_perpetrators" code={String(r.perpetratorType ?? "")} bare />
      );
    case "information_link":
      return (
        <>
          {t(`value.${String(r.targetType)}` as "value.act")}
          {r.reliability ? (
            <>
              {" · "}
              <TermLabel list="reliability" code={String(r.reliability)} bare />
            </>
          ) : null}
        </>
      );
    case "case_status_change":
      return (
        <>
          {t(`value.${String(r.status)}` as "value.none")}{" "}
          {formatDay(String(r.statusOn ?? ""), i18n.language)}
        </>
      );
    case "communication_reply":
      return <>{formatDay(String(r.receivedOn ?? ""), i18n.language)}</>;
    case "case_link":
    case "communication_link":
      return (
        <>
          {t(`value.${String(r.targetType)}` as "value.act")}
          {" · "}
          <TargetTitle targetType={String(r.targetType)} id={String(r.targetId)} />
        </>
      );
    default:
      return <>{recordTitle(r, i18n.language)}</>;
  }
}
