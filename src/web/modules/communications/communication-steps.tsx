import { useTranslation } from "react-i18next";
import type { ApiRecord } from "../../api/types.js";
import { LifecycleSteps } from "../records/lifecycle.js";

const steps = ["draft", "in_review", "approved", "sent", "answer", "published"] as const;
const stepOf: Record<string, number> = {
  draft: 0,
  in_review: 1,
  approved: 2,
  sent: 3,
  replied: 4,
  no_reply: 4,
  published: 5,
};

/** The lifecycle of a letter as a list of steps, the current one marked for screen readers too. */
export function CommunicationSteps({ communication: c }: { communication: ApiRecord }) {
  const { t } = useTranslation();
  const status = String(c.status);
  // The answer step names what happened once it is known: a reply came, or the deadline passed without one.
  const answer =
    status === "replied" || (status === "published" && Number(c.replyCount) > 0)
      ? t("value.replied")
      : status === "no_reply"
        ? t("value.no_reply")
        : t("communications.answer");
  return (
    <LifecycleSteps
      label={t("communications.steps")}
      steps={steps.map((s) => ({ key: s, label: s === "answer" ? answer : t(`value.${s}` as "value.none") }))}
      current={stepOf[status] ?? 0}
      doneLabel={t("communications.stepDone")}
    />
  );
}
