/**
 * The words of the demo's press releases and of the mandate's about page, in English and Korean. Fictionalised on
 * public facts: no real victim is named.
 */

export const aboutEn = `The Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea is an independent expert appointed by the United Nations Human Rights Council to examine the human rights situation in the country, to report on it publicly and to make recommendations to the Government, to other states and to the United Nations.

The mandate was established in 2004 by the Commission on Human Rights in its **resolution 2004/13**, and has been renewed every year since, by the Human Rights Council since 2006. The Special Rapporteur reports each year to the **Human Rights Council** in Geneva and to the **General Assembly** in New York.

Special Rapporteurs are not United Nations staff and are not paid for their work. They serve in their personal capacity, independent of any government or organisation. The Democratic People's Republic of Korea has not recognised the mandate and has never allowed the Special Rapporteur to visit; the Special Rapporteur therefore meets people who have left the country, their families, civil society and governments in neighbouring states, and addresses communications to the states concerned.

*This is a demonstration of the Rapporteur platform: the people, cases and letters in its records are fictional.*`;

export const aboutKo = `북한 인권 상황에 관한 특별보고관은 유엔 인권이사회가 임명한 독립 전문가로, 북한의 인권 상황을 조사하여 공개적으로 보고하고 북한 정부와 다른 국가들, 그리고 유엔에 권고를 합니다.

이 위임사항은 2004년 유엔 인권위원회 **결의 2004/13**으로 설치되었으며, 그 뒤 매년 갱신되어 왔습니다(2006년부터는 인권이사회가 갱신). 특별보고관은 매년 제네바의 **인권이사회**와 뉴욕의 **유엔 총회**에 보고합니다.

특별보고관은 유엔 직원이 아니며 그 활동에 대한 보수를 받지 않습니다. 어느 정부나 단체로부터도 독립하여 개인 자격으로 활동합니다. 북한은 이 위임사항을 인정하지 않았고 특별보고관의 방문을 한 번도 허용하지 않았습니다. 따라서 특별보고관은 북한을 떠난 사람들과 그 가족, 시민사회, 인접국 정부를 만나고, 관련 국가에 서한을 보냅니다.

*이 사이트는 Rapporteur 플랫폼의 시연용입니다. 기록에 나오는 인물, 사건, 서한은 모두 허구입니다.*`;

export const repatriation = {
  slug: "2018-03-16-un-expert-urges-china-to-halt-forced-return-of-women-to-the-dprk",
  location: "Geneva",
  publishedAt: "2018-03-16T09:00:00Z",
  titleEn: "UN expert urges China to halt the forced return of women to the DPRK",
  titleKo: "유엔 특별보고관, 중국에 북한 여성 강제송환 중단 촉구",
  summaryEn:
    "The Special Rapporteur calls on China to respect the principle of non-refoulement and to give the UN refugee agency access to women from the DPRK detained near the border.",
  summaryKo:
    "특별보고관은 중국에 강제송환 금지 원칙을 존중하고, 국경 인근에 구금된 북한 여성들에 대한 유엔난민기구의 접근을 허용할 것을 촉구했다.",
  bodyEn: `GENEVA (16 March 2018) — The United Nations Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea today urged the Government of China to halt the forced return of women from the DPRK held in Jilin province, warning that they face a real risk of torture, sexual violence and arbitrary detention once returned.

"These women crossed the border to escape hunger and repression. Sending them back exposes them to interrogation, ill-treatment and months of forced labour in holding centres," the Special Rapporteur said.

According to information received by the mandate, several women were arrested by public security officers in Tumen in early March and moved to a border detention centre, where their transfer to the DPRK is said to be imminent. Women returned in earlier years have described to the Special Rapporteur body searches, beatings and the denial of food and medical care in holding centres of North Hamgyong province.

The expert reminded China that the principle of **non-refoulement** binds it under the Convention against Torture, and called on the authorities to:

- halt the return of the women concerned and of anyone else at risk of serious violations;
- give the Office of the United Nations High Commissioner for Refugees access to them;
- inform their families of their whereabouts.

The Special Rapporteur has raised these concerns with the Government of China and remains in contact with the authorities on the matter.

## Background

The Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea was appointed by the Human Rights Council. Special Rapporteurs are part of the Special Procedures of the Human Rights Council; they are independent experts who work on a voluntary basis, are not UN staff and are not paid for their work.`,
  bodyKo: `제네바 (2018년 3월 16일) — 북한 인권 상황에 관한 유엔 특별보고관은 오늘 중국 정부에 지린성에 구금된 북한 여성들의 강제송환을 중단할 것을 촉구하며, 이들이 송환되면 고문과 성폭력, 자의적 구금을 당할 실질적 위험이 있다고 경고했다.

특별보고관은 "이 여성들은 굶주림과 억압을 피해 국경을 넘었습니다. 이들을 돌려보내는 것은 심문과 가혹행위, 그리고 집결소에서의 수개월에 걸친 강제노동에 이들을 내맡기는 일입니다"라고 말했다.

특별보고관이 입수한 정보에 따르면, 여러 명의 여성이 3월 초 투먼에서 공안에 체포되어 국경 구류소로 옮겨졌으며 곧 북한으로 넘겨질 것으로 알려졌다. 과거에 송환된 여성들은 함경북도 집결소에서 겪은 몸수색과 구타, 식량과 치료의 박탈에 대해 특별보고관에게 증언한 바 있다.

특별보고관은 중국이 고문방지협약에 따라 **강제송환 금지 원칙**을 지킬 의무가 있음을 상기시키며, 당국에 다음을 촉구했다.

- 해당 여성들과 심각한 인권 침해의 위험에 처한 모든 사람의 송환을 중단할 것
- 유엔난민기구(UNHCR)가 이들에게 접근할 수 있도록 허용할 것
- 가족들에게 이들의 소재를 알릴 것

특별보고관은 이 문제를 중국 정부에 제기했으며, 계속 당국과 연락을 유지하고 있다.

## 배경

북한 인권 상황에 관한 특별보고관은 유엔 인권이사회가 임명한다. 특별보고관은 인권이사회 특별절차의 일부로, 자발적으로 활동하는 독립 전문가이며 유엔 직원이 아니고 그 활동에 대한 보수를 받지 않는다.`,
};

export const seoulMission = {
  slug: "2017-07-21-un-expert-ends-seoul-mission",
  location: "Seoul",
  publishedAt: "2017-07-21T06:00:00Z",
  titleEn:
    "End of mission to Seoul: UN expert calls for an end to forced returns and for separated families to meet",
  titleKo: "유엔 특별보고관 서울 방문 종료 성명: 강제송환 중단과 이산가족 상봉 촉구",
  summaryEn:
    "At the end of a five-day mission to the Republic of Korea, the Special Rapporteur shares what he heard from women returned from China, from families separated by the border and from the authorities.",
  summaryKo:
    "특별보고관은 5일간의 한국 방문을 마치며 중국에서 송환되었던 여성들과 국경으로 갈라진 가족들, 그리고 한국 당국으로부터 들은 내용을 밝혔다.",
  bodyEn: `SEOUL (21 July 2017) — At the end of his five-day mission to the Republic of Korea, from 17 to 21 July 2017, the Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea delivered the following statement.

I thank the Government of the Republic of Korea for its cooperation. During my mission I met the Ministry of Unification, members of the National Assembly, the OHCHR office in Seoul, civil society organisations and, above all, people who left the DPRK and their families.

## What I heard

Women who were returned from China told me of interrogations, body searches and forced labour in holding centres after their return. Several had crossed the border more than once. Their accounts are consistent with those gathered by my predecessors and by the commission of inquiry.

I also met families separated since the Korean War. Most of those registered for reunions are now over eighty. Every year, thousands of them die without news of their relatives.

## My calls

- To all states: respect the principle of **non-refoulement** and do not return anyone to the DPRK where they face torture or other serious violations.
- To the DPRK: open its places of detention to independent monitors and let separated families meet, write and speak to each other regularly.
- To the international community: keep accountability for crimes against humanity on its agenda.

I will present my findings to the General Assembly in October.`,
  bodyKo: `서울 (2017년 7월 21일) — 북한 인권 상황에 관한 특별보고관은 2017년 7월 17일부터 21일까지 5일간의 대한민국 방문을 마치며 다음과 같은 성명을 발표했다.

협조해 준 대한민국 정부에 감사드립니다. 이번 방문 동안 저는 통일부, 국회의원들, 유엔인권사무소 서울사무소, 시민사회단체, 그리고 무엇보다 북한을 떠난 분들과 그 가족들을 만났습니다.

## 들은 내용

중국에서 송환되었던 여성들은 송환 후 집결소에서 겪은 심문과 몸수색, 강제노동에 대해 이야기했습니다. 여러 명은 국경을 두 번 이상 넘었습니다. 이들의 증언은 전임 특별보고관들과 조사위원회가 수집한 증언과 일치합니다.

또한 한국전쟁 이후 헤어진 이산가족들을 만났습니다. 상봉을 신청한 분들의 대부분은 이제 여든이 넘었습니다. 해마다 수천 명이 가족의 소식을 듣지 못한 채 세상을 떠나고 있습니다.

## 촉구 사항

- 모든 국가에: **강제송환 금지 원칙**을 존중하고, 고문이나 그 밖의 심각한 인권 침해를 당할 위험이 있는 북한으로 누구도 돌려보내지 말 것
- 북한에: 구금 시설을 독립적인 감시에 개방하고, 이산가족이 정기적으로 만나고 편지를 주고받고 통화할 수 있도록 할 것
- 국제사회에: 반인도범죄에 대한 책임 규명을 계속 의제로 삼을 것

저는 10월 유엔 총회에 이번 방문의 결과를 보고할 것입니다.`,
};

export const generalAssembly = {
  slug: "2017-10-26-un-expert-presents-report-to-the-general-assembly",
  location: "New York",
  publishedAt: "2017-10-26T19:00:00Z",
  titleEn: "UN expert presents his report to the General Assembly: accountability cannot wait",
  summaryEn:
    "Presenting report A/72/394, the Special Rapporteur describes what people returned from neighbouring countries face and urges steps towards accountability.",
  bodyEn: `NEW YORK (26 October 2017) — The Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea today presented his report (A/72/394) to the Third Committee of the General Assembly.

The report describes the treatment of nationals forcibly returned from neighbouring countries, the situation of families separated by the division of the peninsula, and the continued lack of access for independent monitors.

"Engagement with the DPRK on human rights and the pursuit of accountability are not alternatives: both are needed, and neither can wait," the Special Rapporteur told the Committee.

The Special Rapporteur recommended that the Government of the DPRK allow the Office of the High Commissioner and the mandate to visit the country, and that neighbouring states respect the principle of non-refoulement.`,
};

export const councilAdvisory = {
  location: "Geneva",
  titleEn:
    "Media advisory: the Special Rapporteur briefs the press on his report to the Human Rights Council",
  titleKo: "언론 안내: 특별보고관, 인권이사회 보고서에 관해 제네바에서 기자회견",
  summaryEn:
    "The Special Rapporteur will present his findings on the detention of people returned to the DPRK and answer journalists' questions.",
  summaryKo: "특별보고관은 북한으로 송환된 사람들의 구금에 관한 조사 결과를 발표하고 기자들의 질문에 답한다.",
  bodyEn: `GENEVA — The Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea will brief the press after presenting his report to the Human Rights Council.

**Where:** Press room 1, Palais des Nations, Geneva

The briefing will be webcast. Journalists without UN accreditation should contact the mandate's secretariat.`,
  bodyKo: `제네바 — 북한 인권 상황에 관한 특별보고관이 인권이사회에 보고서를 제출한 뒤 기자회견을 연다.

**장소:** 제네바 유엔 사무소(팔레 데 나시옹) 제1 기자회견실

기자회견은 인터넷으로 중계된다. 유엔 출입 등록을 하지 않은 기자는 위임사항 사무국에 연락하기 바란다.`,
};

export const separatedFamiliesDraft = {
  location: "Geneva",
  titleEn: "Families separated by the division of Korea cannot wait any longer",
  summaryEn: "Draft statement for the anniversary of the last reunion events; figures to be checked.",
  bodyEn: `GENEVA — More than 130,000 people have registered in the Republic of Korea since 1988 to meet relatives in the North; fewer than half of them are still alive.

*[Draft: add the latest figures of the Ministry of Unification and a quotation from the meeting with the families in Seoul.]*`,
};
