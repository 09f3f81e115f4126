import type { MailingLanguage, MailingTopic } from "./mailing.policies.js";

/** The words of the mailing list's public pages and e-mail, in both languages. */
export const subscriptionWords = {
  en: {
    subscribeTitle: "Subscribe to the mailing list",
    subscribeIntro:
      "Receive the mandate's press releases, reports and communications by e-mail. We first send a message to confirm your address: nothing else is sent until you confirm.",
    email: "E-mail address",
    language: "Language of the e-mails",
    languages: { en: "English", ko: "한국어" },
    topics: "What to receive",
    topic: { press_releases: "Press releases", reports: "Reports", communications: "Communications" },
    trap: "Leave this field empty (it catches automated sign-ups)",
    subscribe: "Subscribe",
    privacy:
      "Your address is used for this list only, stored encrypted, and deleted when you unsubscribe. Every e-mail has a link to change your choices or unsubscribe.",
    problem: "There is a problem",
    errorPrefix: "Error",
    emailRequired: "Enter your e-mail address.",
    emailInvalid: "Enter an e-mail address in the form name@example.org.",
    topicsRequired: "Choose at least one thing to receive.",
    languageInvalid: "Choose English or Korean.",
    sentTitle: "Check your inbox",
    sentText:
      "If this address can receive our e-mail, a message with a link to confirm your subscription is on its way. The link works for 7 days. Nothing else is sent until you confirm.",
    confirmTitle: "Confirm your subscription",
    confirmText: "Press the button to start receiving our e-mail.",
    confirm: "Confirm",
    confirmedTitle: "You are subscribed",
    confirmedText: "Thank you: your subscription is confirmed.",
    alreadyConfirmedText: "Your subscription was confirmed already.",
    manage: "Change your preferences",
    invalidTitle: "This link does not work",
    invalidText: "The link is not valid. Use the link of the latest e-mail we sent you, or subscribe again.",
    expiredTitle: "This link has expired",
    expiredText: "A confirmation link works for 7 days. Subscribe again to get a new one.",
    preferencesTitle: "Your subscription",
    preferencesIntro: "Choose what you receive and in which language.",
    noTokenText:
      "To change your choices or unsubscribe, use the link at the bottom of any e-mail from this list.",
    save: "Save",
    saved: "Your choices are saved.",
    stopAll: "Or stop all e-mail from this list:",
    unsubscribeTitle: "Unsubscribe",
    unsubscribeText: "Press the button to receive no more e-mail from this list.",
    unsubscribe: "Unsubscribe",
    unsubscribedTitle: "You are unsubscribed",
    unsubscribedText: "You will receive no more e-mail from this list, and your address has been deleted.",
    notSubscribedTitle: "Not subscribed",
    notSubscribedText: "This address is not on the list (any more).",
    subscribeAgain: "Subscribe again",
    tooManyTitle: "Too many requests",
    tooManyText: "Too many sign-ups came from your network. Try again in an hour.",
  },
  ko: {
    subscribeTitle: "메일링 리스트 구독",
    subscribeIntro:
      "특별보고관의 보도자료, 보고서, 서한 소식을 이메일로 받아 보십시오. 먼저 주소를 확인하는 메일을 보내며, 확인하기 전에는 다른 메일을 보내지 않습니다.",
    email: "이메일 주소",
    language: "받을 이메일의 언어",
    languages: { en: "English", ko: "한국어" },
    topics: "받을 소식",
    topic: { press_releases: "보도자료", reports: "보고서", communications: "서한" },
    trap: "이 칸은 비워 두십시오(자동 가입을 막기 위한 칸입니다)",
    subscribe: "구독하기",
    privacy:
      "이메일 주소는 이 메일링 리스트에만 쓰이며, 암호화하여 저장하고 구독을 해지하면 삭제합니다. 모든 메일에 선택을 바꾸거나 구독을 해지하는 링크가 있습니다.",
    problem: "입력한 내용에 문제가 있습니다",
    errorPrefix: "오류",
    emailRequired: "이메일 주소를 입력하십시오.",
    emailInvalid: "name@example.org 형식의 이메일 주소를 입력하십시오.",
    topicsRequired: "받을 소식을 하나 이상 고르십시오.",
    languageInvalid: "영어 또는 한국어를 고르십시오.",
    sentTitle: "받은 편지함을 확인하십시오",
    sentText:
      "이 주소로 메일을 받을 수 있다면, 구독을 확인하는 링크가 담긴 메일이 곧 도착합니다. 링크는 7일 동안 유효하며, 확인하기 전에는 다른 메일을 보내지 않습니다.",
    confirmTitle: "구독 확인",
    confirmText: "아래 버튼을 누르면 메일을 받기 시작합니다.",
    confirm: "확인",
    confirmedTitle: "구독되었습니다",
    confirmedText: "구독이 확인되었습니다. 감사합니다.",
    alreadyConfirmedText: "이미 확인된 구독입니다.",
    manage: "구독 설정 바꾸기",
    invalidTitle: "이 링크는 사용할 수 없습니다",
    invalidText: "올바른 링크가 아닙니다. 가장 최근에 받은 메일의 링크를 사용하거나 다시 구독하십시오.",
    expiredTitle: "링크가 만료되었습니다",
    expiredText: "확인 링크는 7일 동안만 유효합니다. 새 링크를 받으려면 다시 구독하십시오.",
    preferencesTitle: "구독 설정",
    preferencesIntro: "받을 소식과 언어를 고르십시오.",
    noTokenText:
      "선택을 바꾸거나 구독을 해지하려면 이 메일링 리스트에서 받은 메일 아래쪽의 링크를 사용하십시오.",
    save: "저장",
    saved: "선택을 저장했습니다.",
    stopAll: "또는 이 메일링 리스트의 메일을 모두 받지 않으려면:",
    unsubscribeTitle: "구독 해지",
    unsubscribeText: "아래 버튼을 누르면 이 메일링 리스트의 메일을 더 이상 받지 않습니다.",
    unsubscribe: "구독 해지",
    unsubscribedTitle: "구독이 해지되었습니다",
    unsubscribedText: "이 메일링 리스트의 메일을 더 이상 보내지 않으며, 이메일 주소를 삭제했습니다.",
    notSubscribedTitle: "구독 중이 아닙니다",
    notSubscribedText: "이 주소는 메일링 리스트에 없습니다.",
    subscribeAgain: "다시 구독하기",
    tooManyTitle: "요청이 너무 많습니다",
    tooManyText: "같은 네트워크에서 가입 요청이 너무 많았습니다. 한 시간 뒤에 다시 시도하십시오.",
  },
} as const satisfies Record<MailingLanguage, Record<string, unknown>>;

export type SubscriptionWords = (typeof subscriptionWords)[MailingLanguage];

/** The words of the list's e-mail (text parts; the HTML part of a mailing uses the same). */
export const mailWords = {
  en: {
    confirmSubject: (mandate: string) => `Confirm your subscription: ${mandate}`,
    confirmText: (mandate: string, topics: string, link: string, days: number) =>
      `Someone, probably you, asked to receive ${topics} of the ${mandate} at this address.\n\n` +
      `To subscribe, open this link and press the Confirm button (the link works for ${days} days):\n${link}\n\n` +
      `If it was not you, ignore this message: nothing more will be sent, and the address is deleted after ${days} days.`,
    alreadySubject: (mandate: string) => `You are subscribed already: ${mandate}`,
    alreadyText: (mandate: string, link: string) =>
      `Someone, probably you, asked to subscribe this address to the mailing list of the ${mandate}. It is on the list already; nothing has changed.\n\n` +
      `To change what you receive, or to unsubscribe:\n${link}\n\nIf it was not you, you can ignore this message.`,
    why: (mandate: string) =>
      `You receive this e-mail because you subscribed to the press releases of the ${mandate}.`,
    readOnline: "Read it on the website",
    manage: "Change your preferences",
    unsubscribe: "Unsubscribe",
    join: ", ",
  },
  ko: {
    confirmSubject: (mandate: string) => `구독을 확인해 주십시오: ${mandate}`,
    confirmText: (mandate: string, topics: string, link: string, days: number) =>
      `누군가(아마도 본인)가 이 주소로 ${mandate}의 ${topics} 소식을 받겠다고 신청했습니다.\n\n` +
      `구독하려면 아래 링크를 열고 '확인' 버튼을 누르십시오(링크는 ${days}일 동안 유효합니다).\n${link}\n\n` +
      `신청하지 않았다면 이 메일을 무시하십시오. 더 이상 메일을 보내지 않으며, 주소는 ${days}일 뒤 삭제됩니다.`,
    alreadySubject: (mandate: string) => `이미 구독 중입니다: ${mandate}`,
    alreadyText: (mandate: string, link: string) =>
      `누군가(아마도 본인)가 이 주소로 ${mandate}의 메일링 리스트 구독을 신청했습니다. 이 주소는 이미 구독 중이며, 바뀐 것은 없습니다.\n\n` +
      `받을 소식을 바꾸거나 구독을 해지하려면:\n${link}\n\n신청하지 않았다면 이 메일을 무시하십시오.`,
    why: (mandate: string) => `${mandate}의 보도자료를 구독하셨기 때문에 이 메일을 받으셨습니다.`,
    readOnline: "웹사이트에서 읽기",
    manage: "구독 설정 바꾸기",
    unsubscribe: "구독 해지",
    join: ", ",
  },
} as const;

/** Topics as words of a sentence: "press releases, reports". */
export const topicList = (lang: MailingLanguage, topics: readonly MailingTopic[]) =>
  topics.map((t) => subscriptionWords[lang].topic[t].toLowerCase()).join(mailWords[lang].join);
