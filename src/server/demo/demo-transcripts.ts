import type { Story } from "./demo-stories.js";
import { relativesEn, relativesKo } from "./demo-texts.js";

const caution =
  "[Interviewer's note: the witness was offered a break and declined. Not asked for further detail.]";

/** A transcript excerpt in English (interview held in English or interpreted and transcribed in English). */
export function transcriptEn(s: Story): string {
  const r = s.route;
  return [
    "Q: Can you tell us how you came to be returned?",
    `A: I was living in a rented room in ${r.city}. In ${s.arrest.year} the public security came at night; someone had reported us. They kept us at the border detention centre for some weeks and then drove us to the bridge. On the other side the State Security people were waiting with a list.`,
    `Q: What happened at the holding centre in ${r.countyEn}?`,
    "A: They asked every day: where did you live, who did you meet, did you go to church, did you meet South Koreans. If the answer was not what they wanted, they hit us. We sat in rows all day and were not allowed to move or to talk. There were about twenty of us in one room.",
    "Q: Were women treated differently?",
    `A: When we arrived the women were searched for money they might have hidden. It was done in a way that was humiliating. I do not want to say more about that. ${caution}`,
    "Q: Is there anything you would like the mandate to do?",
    s.relativesInside.length
      ? `A: My ${relativesEn(s)} are still there. I cannot call them. Please do not write where I am from. But please ask China to stop sending people back.`
      : "A: Please ask China to stop sending people back. Everyone knows what waits for them at the holding centre.",
  ].join("\n\n");
}

/** A transcript excerpt in Korean, as transcribed by a Korean-speaking officer. */
export function transcriptKo(s: Story): string {
  const r = s.route;
  return [
    "질문: 어떻게 송환되셨는지 말씀해 주시겠어요?",
    `답변: ${r.cityKo}에서 셋방을 얻어 살고 있었어요. ${s.arrest.year}년에 밤에 공안이 들이닥쳤어요. 누가 신고를 한 거죠. 변방 구류소에 몇 주 있다가 차에 태워 다리까지 데려갔어요. 건너편에서 보위부 사람들이 명단을 들고 기다리고 있었어요.`,
    `질문: ${r.countyKo} 보위부 구류장에서는 어떤 일이 있었나요?`,
    "답변: 매일 물어봤어요. 어디서 살았는지, 누구를 만났는지, 교회에 갔는지, 남조선 사람을 만났는지. 대답이 마음에 안 들면 때렸어요. 하루 종일 줄 맞춰 앉아 있어야 했고 움직이거나 말하면 안 됐어요.",
    "질문: 여성들은 다르게 대우받았나요?",
    "답변: 들어갈 때 여자들은 돈을 숨겼는지 몸수색을 받았어요. 너무 수치스러웠어요. 그 이야기는 더 하고 싶지 않아요. [면담자 메모: 휴식을 제안했으나 증언자가 사양함. 추가 질문하지 않음.]",
    "질문: 특별보고관에게 바라는 점이 있으신가요?",
    s.relativesInside.length
      ? `답변: 가족(${relativesKo(s)})이 아직 거기 있어요. 연락도 못 해요. 제가 어디 출신인지는 쓰지 말아 주세요.`
      : "답변: 중국이 사람들을 돌려보내지 않도록 말해 주세요.",
  ].join("\n\n");
}

/** An interpreted interview: questions in English, answers in Korean with the interpreter's rendering. */
export function transcriptMixed(s: Story): string {
  const r = s.route;
  return [
    `Q: When were you returned from ${r.city}?`,
    `A (ko): ${s.arrest.year}년이었어요. 정확한 날짜는 기억이 안 나요. 추웠던 건 기억나요.`,
    `[Interpreter: It was ${s.arrest.year}. I don't remember the exact date. I remember it was cold.]`,
    "Q: How long were you held, and what work did you do?",
    `A (ko): 구류장에 한 ${s.releaseMonths}달 있었어요. 낮에는 밭일하고 밤에는 조사받았어요.`,
    `[Interpreter: About ${s.releaseMonths} month(s) at the holding centre. Field work by day, questioning at night.]`,
    "Q: Did anyone you know disappear after being returned?",
    "A (ko): 같은 방에 있던 언니가 어느 날 불려 나갔는데 다시 못 봤어요.",
    "[Interpreter: A woman from the same room was called out one day and I never saw her again.]",
  ].join("\n\n");
}

/** The transcript in the story's language. */
export const transcriptOf = (s: Story) =>
  s.lang === "ko" ? transcriptKo(s) : s.lang === "mixed" ? transcriptMixed(s) : transcriptEn(s);
