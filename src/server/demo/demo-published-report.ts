import type { ReportBody } from "../../shared/report-body.js";
import { transitionReport } from "../modules/reports/report-lifecycle.usecases.js";
import { reportSpec } from "../modules/reports/reports.schemas.js";
import { saveReportBody } from "../modules/reports/reports.usecases.js";
import { createBodySchema } from "../platform/records/record-schemas.js";
import { createRecord } from "../platform/records/records.usecases.js";
import { type DemoContext, demoActor } from "./demo-context.js";

const paragraphs = [
  "The Special Rapporteur continued to receive consistent accounts of persons detained after being forcibly returned from neighbouring countries, and of the treatment they faced in holding centres near the border.",
  "Women returned from abroad described interrogations about contacts with foreigners and religious groups, and long periods of forced labour without charge or trial.",
  "Families separated since the Korean War continue to wait for news of their relatives; most of those registered for reunions are now over eighty years old.",
];

/**
 * The March 2018 report to the Human Rights Council (A/HRC/37/69), fictionalised, written, finalised and published
 * through the lifecycle by the mandate holder: what the portal offers for download in the demo.
 */
export async function createDemoPublishedReport(ctx: DemoContext) {
  const { db, masterKey } = ctx.deps;
  const holder = demoActor(ctx.holderId, ctx.mandateId, "mandate_holder");
  const report = await createRecord({
    db,
    actor: ctx.actor,
    spec: reportSpec,
    input: createBodySchema(reportSpec).parse({
      mandateId: ctx.mandateId,
      kind: "hrc",
      symbol: "A/HRC/37/69",
      title: "Persons returned from abroad and families separated by the border",
      subtitle:
        "Report of the Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea",
      session: "Thirty-seventh session",
      agendaItem: "Agenda item 4",
      dueOn: "2018-01-20",
      issuedOn: "2018-02-26",
      documentLanguage: "en",
      confidentiality: "internal",
    }) as Record<string, unknown>,
  });
  const body: ReportBody = {
    summary:
      "In the present report, the Special Rapporteur describes the situation of persons returned from abroad and of separated families, and makes recommendations to the Government and to the international community.",
    recommendationsIntro: null,
    sections: [
      {
        id: "s-situation",
        heading: "Situation of human rights",
        blocks: paragraphs.map((text, i) => ({ kind: "paragraph", id: `p-${i + 1}`, text, footnotes: [] })),
      },
    ],
  };
  await saveReportBody({ db, actor: ctx.actor, id: report.id, version: Number(report.version), body });
  for (const action of ["submit", "finalise", "publish"] as const)
    await transitionReport({ db, masterKey, actor: holder, id: report.id, action });
  return report.id;
}
