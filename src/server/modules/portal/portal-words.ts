import type { Locale } from "../../platform/i18n/messages.js";

/** The portal's languages: every public page exists under /en/ and /ko/. */
export const portalLangs = ["en", "ko"] as const satisfies readonly Locale[];
export type PortalLang = (typeof portalLangs)[number];

/** The words of the portal's frame, in both languages (page words live with their pages). */
export const frameWords = {
  en: {
    skip: "Skip to content",
    home: "Home",
    pressReleases: "Press releases",
    reports: "Reports",
    communications: "Communications",
    visits: "Country visits",
    recommendations: "Recommendations",
    about: "About the mandate",
    subscribe: "Subscribe",
    language: "Language",
    otherLanguage: "한국어",
    feeds: "Feeds",
    rss: "RSS",
    atom: "Atom",
    preview: "Preview — not published",
    mainNav: "Main",
  },
  ko: {
    skip: "본문 바로가기",
    home: "홈",
    pressReleases: "보도자료",
    reports: "보고서",
    communications: "서한",
    visits: "국가 방문",
    recommendations: "권고",
    about: "특별보고관 소개",
    subscribe: "구독",
    language: "언어",
    otherLanguage: "English",
    feeds: "피드",
    rss: "RSS",
    atom: "Atom",
    preview: "미리보기 — 게시되지 않음",
    mainNav: "주 메뉴",
  },
} as const satisfies Record<PortalLang, Record<string, string>>;
