/** The languages the mailing list writes in, shared by the server and the staff application. */
export const mailingLanguages = ["en", "ko"] as const;
export type MailingLanguage = (typeof mailingLanguages)[number];

/**
 * A stored or asked-for language as one the list writes in: Korean when it says so, else English.
 * @example mailingLanguageOf("fr") // "en"
 */
export const mailingLanguageOf = (value: string): MailingLanguage => (value === "ko" ? "ko" : "en");
