import { useTranslation } from "react-i18next";
import type { ApiRecord } from "../../api/types.js";
import { formatDay } from "../records/field-value.js";
import { CommunicationActions } from "./communication-actions.js";
import { CommunicationReplies } from "./communication-replies.js";
import { CommunicationSteps } from "./communication-steps.js";

const dates = ["sentOn", "replyDueOn", "publishOn"] as const;

/** A letter's progress on its page: where it stands, its reference and dates, the next moves, the Word file, replies. */
export default function CommunicationPanel({ record: c }: { record: ApiRecord }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="letter-title" className="communication-panel">
      <h2 id="letter-title">{t("communications.panel")}</h2>
      <p>
        {t("field.status")}:{" "}
        <strong className="letter-status">{t(`value.${String(c.status)}` as "value.none")}</strong>
      </p>
      <CommunicationSteps communication={c} />
      <dl className="fields">
        <div>
          <dt>{t("field.reference")}</dt>
          <dd className="reference">
            {typeof c.reference === "string" ? c.reference : t("communications.noReference")}
          </dd>
        </div>
        {dates.map((d) => (
          <div key={d}>
            <dt>{t(`field.${d}`)}</dt>
            <dd>{typeof c[d] === "string" ? formatDay(String(c[d]), i18n.language) : t("record.none")}</dd>
          </div>
        ))}
      </dl>
      <CommunicationActions communication={c} />
      <p>
        <a href={`/api/v1/communications/${c.id}/letter.docx`} download>
          {t("communications.download")}
        </a>{" "}
        <small className="hint">{t("communications.downloadHint")}</small>
      </p>
      <CommunicationReplies communication={c} />
    </section>
  );
}
