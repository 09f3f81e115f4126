import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.js";
import { ko } from "./ko.js";

export const languages = [
  { code: "en", label: "English" },
  { code: "ko", label: "한국어" },
] as const;

const stored = typeof localStorage !== "undefined" ? localStorage.getItem("rapporteur.lang") : null;
const initial = stored ?? (navigator.language.toLowerCase().startsWith("ko") ? "ko" : "en");

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: initial,
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});

/** Switches the language at any time; remembered on this device, sent to the API as Accept-Language. */
export function setLanguage(code: string) {
  localStorage.setItem("rapporteur.lang", code);
  void i18next.changeLanguage(code);
}

i18next.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = initial;

export default i18next;
