/**
 * The catalog of notification e-mails, in English and Korean. E-mail leaves the system: texts name a communication by
 * its reference and a case by the title its caller chose to share, never a person; the rest is behind the link.
 */
type Params = Record<string, string | number>;
type Render = (p: Params) => { subject: string; text: string };
type Locale = "en" | "ko";

/**
 * Text as one line, for a header or a subject: header injection and stray layout are impossible.
 * @example oneLine("Title\r\nBcc: x@example.org") // "Title Bcc: x@example.org"
 */
export const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();

/** A parameter as one line of text. */
const v = (p: Params, name: string) => oneLine(String(p[name] ?? ""));
/** `" (value)"` when the value is there, else nothing. */
const paren = (value: string) => (value ? ` (${value})` : "");
const pparen = (value: string) => (value ? `(${value})` : "");

const catalog: Record<string, Record<Locale, Render>> = {
  reply_due_soon: {
    en: (p) => ({
      subject: `Reply due in ${v(p, "days")} days: ${v(p, "reference")}`,
      text: `The State's reply to communication ${v(p, "reference")}${paren(v(p, "subject"))} is due on ${v(p, "dueOn")}, in ${v(p, "days")} days.`,
    }),
    ko: (p) => ({
      subject: `답변 기한 ${v(p, "days")}일 전: ${v(p, "reference")}`,
      text: `서한 ${v(p, "reference")}${pparen(v(p, "subject"))}에 대한 국가의 답변 기한은 ${v(p, "dueOn")}입니다(${v(p, "days")}일 남음).`,
    }),
  },
  reply_due_today: {
    en: (p) => ({
      subject: `Reply due today: ${v(p, "reference")}`,
      text: `The State's reply to communication ${v(p, "reference")}${paren(v(p, "subject"))} is due today, ${v(p, "dueOn")}.`,
    }),
    ko: (p) => ({
      subject: `오늘 답변 기한: ${v(p, "reference")}`,
      text: `서한 ${v(p, "reference")}${pparen(v(p, "subject"))}에 대한 국가의 답변 기한이 오늘(${v(p, "dueOn")})입니다.`,
    }),
  },
  case_next_action: {
    en: (p) =>
      v(p, "title")
        ? {
            subject: `Next action due ${v(p, "dueOn")}: ${v(p, "title")}`,
            text: `Next action on the case ${v(p, "title")}${v(p, "action") ? `: ${v(p, "action")}` : ""}, due ${v(p, "dueOn")}.`,
          }
        : {
            subject: `Next action due ${v(p, "dueOn")}`,
            text: `A case you follow has a next action due on ${v(p, "dueOn")}.`,
          },
    ko: (p) =>
      v(p, "title")
        ? {
            subject: `다음 조치 기한 ${v(p, "dueOn")}: ${v(p, "title")}`,
            text: `사안 ${v(p, "title")}의 다음 조치${v(p, "action") ? `: ${v(p, "action")}` : ""}, 기한 ${v(p, "dueOn")}.`,
          }
        : {
            subject: `다음 조치 기한 ${v(p, "dueOn")}`,
            text: `담당 사안의 다음 조치 기한이 ${v(p, "dueOn")}입니다.`,
          },
  },
  embargo_lifted: {
    en: (p) => ({
      subject: `Communication ${v(p, "reference")} is now public`,
      text: `The embargo on communication ${v(p, "reference")} has ended: it is now public.`,
    }),
    ko: (p) => ({
      subject: `서한 ${v(p, "reference")} 공개`,
      text: `서한 ${v(p, "reference")}의 비공개 기간이 끝나 이제 공개되었습니다.`,
    }),
  },
};

const generic: Record<Locale, Render> = {
  en: () => ({
    subject: "New notification in Rapporteur",
    text: "You have a new notification in Rapporteur.",
  }),
  ko: () => ({ subject: "Rapporteur 새 알림", text: "Rapporteur에 새 알림이 있습니다." }),
};

const footer: Record<Locale, (link: string | null) => string> = {
  en: (link) =>
    `${link ? `\n\nOpen in Rapporteur: ${link}` : ""}\n\n-- \nRapporteur: an automatic message, do not reply.\n`,
  ko: (link) =>
    `${link ? `\n\nRapporteur에서 열기: ${link}` : ""}\n\n-- \nRapporteur 자동 발송 메일입니다. 회신하지 마십시오.\n`,
};

/** Kinds the catalog writes a text for; any other kind gets the generic text. */
export const mailKinds = Object.keys(catalog);

/**
 * The subject and plain text of a notification e-mail in the recipient's language, with an absolute link.
 * @example renderMail("embargo_lifted", "ko", { reference: "AL PRK 1/2026" }, "https://r.example.org/app/communications/1")
 */
export function renderMail(kind: string, locale: string, params: Params, link: string | null) {
  const lang: Locale = locale === "ko" ? "ko" : "en";
  const { subject, text } = (catalog[kind] ?? generic)[lang](params);
  return { subject, text: `${text}${footer[lang](link)}` };
}

/** A stored link (`/app/…`) as an absolute URL under the public address; anything but a local path is dropped. */
export function absoluteLink(publicUrl: string, link: string | null): string | null {
  if (!link?.startsWith("/") || link.startsWith("//")) return null;
  return `${publicUrl.replace(/\/+$/, "")}${link}`;
}
