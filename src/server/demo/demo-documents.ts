import type { Confidentiality } from "../platform/access/access.policies.js";
import { createDemoRecord, type DemoContext, placeId } from "./demo-context.js";
import type { EventKind } from "./demo-plans.js";
import type { WrittenSource } from "./demo-sources.js";
import { sourceMaterials } from "./demo-vocab.js";

/** A document the mandate received, and which events (by kind and county) it speaks to. */
export interface DemoDocument {
  title: string;
  date: { value: string; precision: "day" | "month" | "year" };
  place: string;
  languages: string[];
  sourceType: string;
  consentScope: "internal" | "anonymised_public" | "attributed_public";
  confidentiality: Confidentiality;
  summary: string;
  covers: { kinds: EventKind[]; counties?: string[] };
}

/** The documents of the demo: NGO submissions, media, a letter, photographs. All invented. */
export const demoDocuments: DemoDocument[] = [
  {
    title: "NGO submission: forced returns through Tumen and Onsong, 2014–2016",
    date: { value: "2016-11-08", precision: "day" },
    place: "KOR",
    languages: ["en"],
    sourceType: sourceMaterials.ngoAppeal,
    consentScope: "anonymised_public",
    confidentiality: "internal",
    summary:
      "Compiles accounts of people returned from Jilin province through Onsong; describes holding-centre questioning and transfers to labour-training camps.",
    covers: { kinds: ["return", "holding"], counties: ["KP0220", "KP0221"] },
  },
  {
    title: "Media report: conditions in border holding centres",
    date: { value: "2017-03", precision: "month" },
    place: "KOR",
    languages: ["en"],
    sourceType: sourceMaterials.press,
    consentScope: "attributed_public",
    confidentiality: "public",
    summary:
      "A published article based on interviews with people who passed through holding centres in Hoeryong and Musan.",
    covers: { kinds: ["holding"], counties: ["KP0203", "KP0218"] },
  },
  {
    title: "북한이탈여성 인신매매 실태 보고서 (NGO 제출)",
    date: { value: "2017-06-12", precision: "day" },
    place: "KOR",
    languages: ["ko"],
    sourceType: sourceMaterials.ngoAppeal,
    consentScope: "anonymised_public",
    confidentiality: "confidential",
    summary:
      "중국 동북 3성에서 중개인을 통해 팔려 간 북한 여성들의 사례를 익명으로 정리함. 신분 부재로 인한 신고 불가, 강제결혼, 출산 후 강제송환 사례 포함.",
    covers: { kinds: ["trafficking"] },
  },
  {
    title: "이산가족 단체 서한 / Letter from a separated-families association",
    date: { value: "2017-09-01", precision: "day" },
    place: "KOR",
    languages: ["ko", "en"],
    sourceType: sourceMaterials.letter,
    consentScope: "anonymised_public",
    confidentiality: "internal",
    summary:
      "Asks the mandate to raise family members left inside who were questioned after a relative's departure. 북한에 남은 가족에 대한 보복 조사 우려를 전달함.",
    covers: { kinds: ["family"] },
  },
  {
    title: "Photographs of the Hyesan holding centre exterior (provenance unverified)",
    date: { value: "2015-08", precision: "month" },
    place: "CHN",
    languages: [],
    sourceType: sourceMaterials.photograph,
    consentScope: "internal",
    confidentiality: "confidential",
    summary:
      "Three photographs said to show the outer wall and gate; taken from across the river. Provenance not verified.",
    covers: { kinds: ["holding"], counties: ["KP0101", "KP0102"] },
  },
  {
    title: "NGO network update on returns from China, first half of 2018",
    date: { value: "2018-07-02", precision: "day" },
    place: "KOR",
    languages: ["en"],
    sourceType: sourceMaterials.ngoAppeal,
    consentScope: "anonymised_public",
    confidentiality: "internal",
    summary:
      "Reports continued arrests in Jilin and Liaoning and returns through Onsong, Hoeryong and Sinuiju.",
    covers: { kinds: ["return"] },
  },
  {
    title: "언론 보도: 노동단련대 강제노동 증언",
    date: { value: "2018-02", precision: "month" },
    place: "KOR",
    languages: ["ko"],
    sourceType: sourceMaterials.press,
    consentScope: "attributed_public",
    confidentiality: "public",
    summary: "노동단련대 출신 탈북민들의 증언을 토대로 채석장·농장 강제노동 실태를 보도한 기사.",
    covers: { kinds: ["labour"] },
  },
  {
    title: "Lawyers' group submission on the legal status of people returned from China",
    date: { value: "2014-12", precision: "month" },
    place: "GBR",
    languages: ["en"],
    sourceType: sourceMaterials.ngoAppeal,
    consentScope: "attributed_public",
    confidentiality: "public",
    summary:
      "Argues that people returned from China face a real risk of torture and that returns breach non-refoulement; cites published testimony.",
    covers: { kinds: ["return"], counties: ["KP0203", "KP0218", "KP0601"] },
  },
];

/** Writes the documents as sources. */
export async function createDocuments(ctx: DemoContext): Promise<(WrittenSource & { doc: DemoDocument })[]> {
  const out = [];
  for (const doc of demoDocuments) {
    const record = await createDemoRecord(ctx, "sources", {
      kind: "document",
      title: doc.title,
      sourceDate: doc.date,
      placeId: placeId(ctx, doc.place),
      languages: doc.languages,
      consentScope: doc.consentScope,
      reprisalRisk: doc.consentScope === "internal" ? "medium" : "low",
      summary: doc.summary,
      sourceType: doc.sourceType,
      confidentiality: doc.confidentiality,
    });
    out.push({
      id: record.id,
      storyIndex: null,
      followUp: false,
      confidentiality: doc.confidentiality,
      restrictedTo: null,
      doc,
    });
  }
  return out;
}
