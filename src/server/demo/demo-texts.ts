import type { RelativeRole, Story } from "./demo-stories.js";

const monthsEn = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const relativeEn: Record<RelativeRole, string> = {
  spouse: "spouse",
  child: "child",
  parent: "parent",
  sibling: "sibling",
};
const relativeKo: Record<RelativeRole, string> = {
  spouse: "배우자",
  child: "자녀",
  parent: "부모",
  sibling: "형제자매",
};

/** The relatives still inside, in English: "spouse and child". */
export const relativesEn = (s: Story) => s.relativesInside.map((r) => relativeEn[r]).join(" and ");
/** The relatives still inside, in Korean: "배우자, 자녀". */
export const relativesKo = (s: Story) => s.relativesInside.map((r) => relativeKo[r]).join(", ");

/** "remains" for one relative, "remain" for several. */
const remain = (s: Story) => (s.relativesInside.length === 1 ? "remains" : "remain");

/** Pronouns for the English texts. */
export const pronouns = (s: Story) =>
  s.female ? { he: "she", his: "her", He: "She" } : { he: "he", his: "his", He: "He" };

const age = (s: Story) => s.interviewYear - s.birthYear;
const weeks = (s: Story) => s.releaseMonths * 4;

/** A summary in English of what the witness told. */
export function summaryEn(s: Story): string {
  const { he, his, He } = pronouns(s);
  const r = s.route;
  const parts = [
    `${s.code}, a ${age(s)}-year-old ${s.female ? "woman" : "man"} from ${r.provinceEn}, was arrested in ${r.city} in ${monthsEn[s.arrest.month - 1]} ${s.arrest.year} and returned to the DPRK through ${r.countyEn}.`,
    `${He} describes about ${weeks(s)} weeks at the ${r.countyEn} MSS holding centre: daily questioning about life in China and any contact with South Koreans or churches, beatings during interrogation, searches of women on arrival, and field work on reduced rations.`,
  ];
  if (s.labourCamp) parts.push(`${He} was then sent without trial to a labour-training camp for six months.`);
  if (s.trafficked)
    parts.push(
      `After crossing again, ${he} was handed to a broker in ${s.traffickedYear} and sold to a rural household near ${r.city}.`,
    );
  if (s.relativesInside.length)
    parts.push(
      `${He} says ${his} ${relativesEn(s)} ${remain(s)} in ${r.provinceEn}; there has been no direct contact since ${s.arrivalYear}.`,
    );
  parts.push(`${He} reached the Republic of Korea in ${s.arrivalYear}.`);
  return parts.join(" ");
}

/** The same summary, written in Korean by a Korean-speaking officer. */
export function summaryKo(s: Story): string {
  const r = s.route;
  const parts = [
    `${s.code}: ${r.provinceKo} 출신 ${age(s)}세 ${s.female ? "여성" : "남성"}. ${s.arrest.year}년 ${s.arrest.month}월 ${r.cityKo}에서 체포되어 ${r.countyKo} 세관을 통해 강제송환됨.`,
    `${r.countyKo} 보위부 구류장에서 약 ${weeks(s)}주간 구금되어 중국 내 행적과 한국인·종교인 접촉 여부를 매일 조사받았고, 조사 중 구타가 있었다고 진술함. 여성 수감자는 입소 시 몸수색을 받았다고 함(세부 진술은 원하지 않음).`,
  ];
  if (s.labourCamp) parts.push("이후 재판 없이 노동단련대 6개월 처분을 받음.");
  if (s.trafficked)
    parts.push(`${s.traffickedYear}년 다시 강을 건넌 뒤 중개인에게 넘겨져 ${r.cityKo} 인근 농가에 팔림.`);
  if (s.relativesInside.length)
    parts.push(`북한에 남은 가족(${relativesKo(s)})과는 ${s.arrivalYear}년 이후 직접 연락이 없음.`);
  parts.push(`${s.arrivalYear}년 한국 입국.`);
  return parts.join(" ");
}

/** An English summary quoting the witness in Korean, as officers write when a phrase matters. */
export function summaryMixed(s: Story): string {
  return `${summaryEn(s)} In ${pronouns(s).his} words: "구류장에서는 밤에도 불을 끄지 않았어요. 누가 언제 불려 나갈지 몰랐어요." (The lights at the holding centre were never switched off; no one knew who would be called out next.)`;
}

/** The summary in the story's language. */
export const summaryOf = (s: Story) =>
  s.lang === "ko" ? summaryKo(s) : s.lang === "mixed" ? summaryMixed(s) : summaryEn(s);

/** The reprisal note officers write when family remain inside. */
export function reprisalNote(s: Story): string | undefined {
  if (s.risk !== "high") return undefined;
  return s.lang === "ko"
    ? `가족(${relativesKo(s)})이 ${s.route.provinceKo}에 남아 있음. 군 이름과 송환 날짜를 인용하지 말 것.`
    : `${relativesEn(s)[0]?.toUpperCase()}${relativesEn(s).slice(1)} ${remain(s)} in ${s.route.provinceEn}. Do not quote the county or the dates of return.`;
}
