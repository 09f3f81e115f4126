import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { getRecordBatched } from "../../api/record-batch.js";
import { recordTitle } from "./record-title.js";

/** Where a link's target type lives in the API. */
const pluralOfTarget: Record<string, string> = {
  person: "persons",
  act: "acts",
  event: "events",
  source: "sources",
  case: "cases",
};

/** The name of what a case or communication link points to, as plain text (it sits inside the link's own link). */
export function TargetTitle({ targetType, id }: { targetType: string; id: string }) {
  const { i18n } = useTranslation();
  const plural = pluralOfTarget[targetType] ?? "persons";
  const { data } = useQuery({
    queryKey: ["ref", plural, id],
    queryFn: () => getRecordBatched(plural, id),
    retry: false,
  });
  return <>{data ? recordTitle(data, i18n.language) : id.slice(-8)}</>;
}
