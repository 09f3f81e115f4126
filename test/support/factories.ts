import type { ApiClient } from "./api-client.js";

let seq = 0;
const next = () => ++seq;

/** Valid create bodies for each record type; overrides replace fields. Terms are real HURIDOCS codes. */
export const build = {
  person: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    kind: "individual",
    code: `W-2017-${String(next()).padStart(4, "0")}`,
    sex: "020000000000",
    birthYear: 1985,
    ...o,
  }),
  source: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    kind: "interview",
    title: `Interview ${next()}`,
    sourceDate: { value: "2017-07-18", precision: "day" },
    languages: ["ko"],
    consentScope: "anonymised_public",
    reprisalRisk: "medium",
    summary: "Detained at a holding centre near the border after forced return.",
    ...o,
  }),
  event: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    title: `Forced return ${next()}`,
    startDate: { value: "2016-05", precision: "month" },
    ...o,
  }),
  act: (mandateId: string, eventId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    eventId,
    actType: "030102000000",
    actDate: { value: "2016", precision: "year" },
    ...o,
  }),
  relation: (
    mandateId: string,
    personId: string,
    relatedPersonId: string,
    o: Record<string, unknown> = {},
  ) => ({
    mandateId,
    personId,
    relatedPersonId,
    relationType: "010101000000",
    separatedByBorder: true,
    ...o,
  }),
  involvement: (mandateId: string, actId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    actId,
    perpetratorName: "Border security unit",
    perpetratorType: "010104000000",
    degree: "010100000000",
    ...o,
  }),
  informationLink: (
    mandateId: string,
    sourceId: string,
    targetType: string,
    targetId: string,
    o: Record<string, unknown> = {},
  ) => ({
    mandateId,
    sourceId,
    targetType,
    targetId,
    reliability: "020000000000",
    ...o,
  }),
  place: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    level: "site",
    placeType: "detention_facility",
    nameEn: `Holding centre ${next()}`,
    latitude: 42.45,
    longitude: 129.75,
    ...o,
  }),
  case: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    title: `W-2017-${next()} held for repatriation`,
    caseKind: "individual",
    priority: "urgent",
    country: "CHN",
    nextAction: "Send an urgent appeal",
    ...o,
  }),
  communication: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    kind: "UA",
    subject: `Imminent forced return of a woman held in Tumen ${next()}`,
    addresseeKind: "state",
    addresseeCountry: "CHN",
    language: "en",
    summary: "Internal summary: detained after crossing the river.",
    publicSummary: "Imminent forced repatriation of a woman detained near the border.",
    body: "Excellency,\n\nI have the honour to address you in my capacity as Special Rapporteur.\n\nI would be grateful for your observations.",
    ...o,
  }),
  visitRequest: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    country: "PRK",
    firstRequestedOn: "2016-09-01",
    ...o,
  }),
  report: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    kind: "general_assembly",
    title: `Situation of human rights ${next()}`,
    subtitle: "Report of the Special Rapporteur",
    session: "Seventy-second session",
    agendaItem: "Item 73 (c) of the provisional agenda",
    documentLanguage: "en",
    ...o,
  }),
  recommendation: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    sourceBody: "upr",
    addresseeKind: "state",
    addresseeCountry: "PRK",
    recommendingState: "KOR",
    response: "noted",
    theme: "Enforced disappearance",
    text: `Ratify the Convention against enforced disappearance (${next()}).`,
    ...o,
  }),
  pressRelease: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    location: "Geneva",
    titleEn: `UN expert urges China to halt the forced return of women ${next()}`,
    titleKo: "유엔 전문가, 중국에 여성 강제송환 중단 촉구",
    summaryEn: "The Special Rapporteur calls on China to respect the principle of non-refoulement.",
    summaryKo: "특별보고관은 중국에 강제송환 금지 원칙을 존중할 것을 촉구했다.",
    bodyEn: "GENEVA — The Special Rapporteur **urged** China to halt the forced return of women.",
    bodyKo: "제네바 — 특별보고관은 중국에 여성의 강제송환을 **중단**할 것을 촉구했다.",
    ...o,
  }),
  visit: (mandateId: string, o: Record<string, unknown> = {}) => ({
    mandateId,
    title: `Mission to Seoul ${next()}`,
    visitKind: "mission",
    country: "KOR",
    startOn: "2017-07-17",
    endOn: "2017-07-21",
    status: "completed",
    places: ["Seoul"],
    ...o,
  }),
};

/** Creates a record through the API and returns its body; fails the test loudly if the API refuses. */
export async function createVia<T = Record<string, unknown> & { id: string }>(
  client: ApiClient,
  plural: string,
  body: Record<string, unknown>,
) {
  const res = await client.post<T>(`/api/v1/${plural}`, body);
  if (res.status !== 201)
    throw new Error(`create ${plural} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
