import type { ReportBody } from "../../shared/report-body.js";
import { recommendationSpec } from "../modules/recommendations/recommendations.schemas.js";
import { reportSpec } from "../modules/reports/reports.schemas.js";
import { saveReportBody } from "../modules/reports/reports.usecases.js";
import { createBodySchema } from "../platform/records/record-schemas.js";
import { createRecord } from "../platform/records/records.usecases.js";
import type { DemoContext } from "./demo-context.js";
import { actTypes } from "./demo-vocab.js";

/**
 * The October 2017 report to the General Assembly (A/72/394), fictionalised and still being drafted: a few
 * sections of numbered paragraphs, a live statistic of forced returns, a quotation from an interview whose witness
 * agreed to public use, and two recommendations.
 */
export async function createDemoReport(ctx: DemoContext) {
  const { db } = ctx.deps;
  const create = async (fields: Record<string, unknown>) =>
    createRecord({
      db,
      actor: ctx.actor,
      spec: reportSpec,
      input: createBodySchema(reportSpec).parse({ mandateId: ctx.mandateId, ...fields }) as Record<
        string,
        unknown
      >,
    });
  const report = await create({
    kind: "general_assembly",
    symbol: "A/72/394",
    title: "Situation of human rights in the Democratic People's Republic of Korea",
    subtitle:
      "Report of the Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea",
    session: "Seventy-second session",
    agendaItem: "Item 73 (c) of the provisional agenda",
    dueOn: "2017-09-15",
    issuedOn: "2017-10-03",
    documentLanguage: "en",
    confidentiality: "internal",
  });
  const quoted = await db
    .selectFrom("sources")
    .select(["id", "summary"])
    .where("mandate_id", "=", ctx.mandateId)
    .where("kind", "=", "interview")
    .where("consent_scope", "in", ["anonymised_public", "attributed_public"])
    .where("summary", "like", "W-%describes about%")
    .orderBy("title")
    .executeTakeFirst();
  // The second sentence: the first names the witness by code.
  const summary = quoted?.summary ?? "";
  const start = summary.indexOf(". ") + 2;
  const end = summary.indexOf(". ", start) + 1;
  const body: ReportBody = {
    summary:
      "In the present report, the Special Rapporteur describes the human rights situation since his last report, in particular the forced return of nationals from neighbouring countries and what they face on their return, and the situation of separated families.",
    recommendationsIntro: null,
    sections: [
      {
        id: "s-intro",
        heading: "Introduction",
        blocks: [
          {
            kind: "paragraph",
            id: "p-intro-1",
            text: "The present report is submitted pursuant to Human Rights Council resolution 34/24 and General Assembly resolution 71/202. It covers the period from March to August 2017.",
            footnotes: [],
          },
          {
            kind: "paragraph",
            id: "p-intro-2",
            text: "Access to the country has not been granted. The Special Rapporteur undertook a mission to Seoul from 17 to 21 July 2017, where he met officials, civil society and persons who had left the country.",
            footnotes: [
              { id: "f-intro-2", text: "See the statement at the end of the mission, 21 July 2017." },
            ],
          },
        ],
      },
      {
        id: "s-returns",
        heading: "Forced return and treatment on return",
        blocks: [
          {
            kind: "paragraph",
            id: "p-returns-1",
            text: "Testimony gathered by the mandate describes arrests near the border, transfer to holding centres and interrogation about contacts made abroad.",
            footnotes: [],
          },
          {
            kind: "statistic",
            id: "t-returns",
            caption:
              "Acts of forced return (refoulement) recorded by the mandate, per year, by sex of victim",
            query: {
              actType: [actTypes.refoulement],
              place: [],
              victimSex: [],
              perpetratorType: [],
              dateFrom: "2014",
              dateTo: "2017",
              period: "year",
              by: "victimSex",
            },
          },
          ...(quoted && start > 1 && end > start
            ? [
                {
                  kind: "quotation" as const,
                  id: "q-returns",
                  sourceId: quoted.id,
                  field: "summary" as const,
                  start,
                  end,
                  attribution: "Account of a person returned to the country, interviewed by the mandate",
                  attributed: false,
                  footnotes: [],
                },
              ]
            : []),
          {
            kind: "paragraph",
            id: "p-returns-2",
            text: "Women returned from China describe searches on arrival and sexual violence by officials in holding centres in North Hamgyong.",
            footnotes: [],
          },
        ],
      },
      {
        id: "s-families",
        heading: "Separated families",
        blocks: [
          {
            kind: "paragraph",
            id: "p-families-1",
            text: "Of the 131,172 persons registered for family reunions since 1988, 61,322 were alive in March 2017; most are over 80 years of age.",
            footnotes: [],
          },
        ],
      },
    ],
  };
  await saveReportBody({ db, actor: ctx.actor, id: report.id, version: Number(report.version), body });
  for (const r of [
    {
      addresseeKind: "state",
      addresseeCountry: "PRK",
      paragraph: "74 (a)",
      text: "Stop the punishment of persons returned from abroad for having left the country.",
    },
    {
      addresseeKind: "state",
      addresseeCountry: "CHN",
      paragraph: "75 (a)",
      text: "Respect the principle of non-refoulement and give persons from the Democratic People's Republic of Korea access to asylum procedures.",
    },
  ])
    await createRecord({
      db,
      actor: ctx.actor,
      spec: recommendationSpec,
      input: createBodySchema(recommendationSpec).parse({
        mandateId: ctx.mandateId,
        sourceBody: "this_mandate",
        reportId: report.id,
        issuedOn: "2017-10-03",
        session: "Seventy-second session",
        ...r,
      }) as Record<string, unknown>,
    });
  return report.id;
}
