import { createDemoRecord, type DemoContext } from "./demo-context.js";

type Upr = { state: string; theme: string; response: "accepted" | "noted"; text: string; status: string };
const uprRecommendations: Upr[] = [
  {
    state: "KOR",
    theme: "Enforced disappearance",
    response: "noted",
    status: "not_implemented",
    text: "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance.",
  },
  {
    state: "JPN",
    theme: "Abductions",
    response: "noted",
    status: "not_implemented",
    text: "Provide full information on the fate and whereabouts of all abducted persons and return survivors.",
  },
  {
    state: "DEU",
    theme: "Detention",
    response: "noted",
    status: "no_information",
    text: "Close all political prison camps and release political prisoners.",
  },
  {
    state: "THA",
    theme: "Trafficking in persons",
    response: "accepted",
    status: "partially_implemented",
    text: "Strengthen measures to prevent trafficking in women and girls, and protect victims.",
  },
  {
    state: "MNG",
    theme: "Family separation",
    response: "accepted",
    status: "partially_implemented",
    text: "Facilitate reunions of separated families, including by letters and video meetings.",
  },
];

/**
 * The registry in the demo: recommendations of the DPRK's third universal periodic review (fictionalised wording),
 * with the recommending state, the response and a follow-up assessment each.
 */
export async function createDemoRecommendations(ctx: DemoContext) {
  for (const { state: recommendingState, theme, text, response, status } of uprRecommendations) {
    const r = await createDemoRecord(ctx, "recommendations", {
      sourceBody: "upr",
      addresseeKind: "state",
      addresseeCountry: "PRK",
      recommendingState,
      response,
      theme,
      text,
      session: "UPR, third cycle, 33rd session",
      issuedOn: "2019-05-09",
      // Recommendations of the review are public documents; so is the mandate's assessment of their follow-up.
      confidentiality: "public",
    });
    await createDemoRecord(ctx, "recommendationFollowUps", {
      recommendationId: r.id,
      status,
      assessedOn: "2021-11-01",
      confidentiality: "public",
      evidence:
        status === "partially_implemented"
          ? "Mid-term report and NGO submissions describe limited steps."
          : "No information from the Government; consistent testimony of continued practice.",
    });
  }
}
