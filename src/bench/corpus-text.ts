import type { DemoRandom } from "../server/demo/demo-random.js";

/** Words that fill the sentence templates; Korean nouns take particles with no space, as in real testimony. */
export interface TextPlace {
  en: string;
  ko: string;
}

const koSentences = [
  "{place}에서 {year}년에 체포되어 보위부 구류장으로 끌려갔어요.",
  "중국 공안에게 잡혀서 변방 구류소에 {n}주 동안 있었어요.",
  "강제송환된 뒤 {place} 집결소에서 매일 조사를 받았어요.",
  "구금시설에서는 하루 종일 무릎을 꿇고 앉아 있어야 했어요.",
  "교화소에 {n}년 동안 있었고 밭일과 벌목을 했어요.",
  "가족과 연락이 끊겨서 지금도 생사를 모릅니다.",
  "브로커에게 속아서 중국 농촌으로 팔려 갔어요.",
  "{year}년 겨울에 두만강을 건넜어요. 물이 허리까지 찼어요.",
  "조사관이 남조선 사람을 만났는지 계속 물어보면서 때렸어요.",
  "같은 방에 있던 여성이 불려 나간 뒤 다시 돌아오지 않았어요.",
  "먹을 것이 옥수수 한 줌뿐이어서 많은 사람이 병에 걸렸어요.",
  "어머니와 동생은 아직 {place}에 있어요. 이름은 쓰지 말아 주세요.",
  "몸수색을 받을 때 너무 수치스러웠어요. 더 말하고 싶지 않아요.",
  "단련대에서 {n}개월을 보낸 뒤 풀려났어요.",
  "정치범수용소로 끌려간 이웃 가족 소식은 아무도 몰라요.",
  "면담자 메모: 증언자가 휴식을 요청하여 {n}분간 중단함.",
];

const enSentences = [
  "I was arrested in {place} in {year} and taken to the State Security holding centre.",
  "The Chinese police caught us and we were detained at the border for {n} weeks.",
  "After the forced return we were interrogated every day at the collection point in {place}.",
  "In the detention centre we had to sit on our knees all day without moving.",
  "I spent {n} years in the re-education camp doing farm work and logging.",
  "We lost contact with the family and still do not know whether they are alive.",
  "A broker deceived me and I was sold to a farmer in a Chinese village.",
  "We crossed the Tumen River in the winter of {year}; the water came up to my waist.",
  "The interrogators beat me while asking whether I had met South Koreans.",
  "A woman from our cell was called out one night and never came back.",
  "There was only a handful of corn to eat and many detainees fell ill.",
  "My mother and brother are still in {place}; please do not write their names.",
  "The body search on arrival was humiliating; I do not want to say more.",
  "I was released after {n} months in the labour training camp.",
  "Nobody knows what happened to the neighbours taken to the political prison camp.",
  "Interviewer's note: the witness asked for a break of {n} minutes.",
];

const fill = (rnd: DemoRandom, template: string, place: TextPlace, lang: "ko" | "en") =>
  template
    .replace("{place}", lang === "ko" ? place.ko : place.en)
    .replace("{year}", String(rnd.int(1996, 2023)))
    .replace("{n}", String(rnd.int(2, 11)));

/** One paragraph of testimony: `sentences` sentences, Korean, English, or interpreted (both). */
export function paragraph(rnd: DemoRandom, lang: "ko" | "en" | "mixed", place: TextPlace, sentences: number) {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const k = rnd.int(0, koSentences.length - 1);
    const l = lang === "mixed" ? (i % 2 === 0 ? "ko" : "en") : lang;
    out.push(fill(rnd, (l === "ko" ? koSentences : enSentences)[k] as string, place, l));
  }
  return out.join(" ");
}

/** A transcript of about `chars` characters, in question-and-answer paragraphs. */
export function transcript(rnd: DemoRandom, lang: "ko" | "en" | "mixed", place: TextPlace, chars: number) {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const q = lang === "en" ? "Q: What happened next?" : "질문: 그다음에는 어떻게 되었나요?";
    const a = `${lang === "en" ? "A:" : "답변:"} ${paragraph(rnd, lang, place, rnd.int(2, 6))}`;
    parts.push(q, a);
    length += q.length + a.length + 4;
  }
  return parts.join("\n\n");
}
