import { invalidField } from "../../platform/errors/app-error.js";

/** Length limits, counted in Unicode code points (an emoji or a Hangul syllable is one). */
export const passwordLength = { min: 12, max: 256 } as const;

let common: Promise<Set<string>> | undefined;
/** The 49k most common passwords (zxcvbn-ts), lowercased, loaded on first use (the import is large). */
const commonPasswords = () => {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())),
  );
  return common;
};

/** The first rule a password breaks, as a field problem code with its parameters; null when it keeps them all. */
export async function passwordProblem(
  password: string,
  email: string,
): Promise<{ code: string; params?: Record<string, number> } | null> {
  const length = [...password].length;
  if (length < passwordLength.min)
    return { code: "field.password_too_short", params: { min: passwordLength.min } };
  if (length > passwordLength.max)
    return { code: "field.password_too_long", params: { max: passwordLength.max } };
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  if (lower === address || lower === address.split("@")[0]) return { code: "field.password_is_email" };
  if ((await commonPasswords()).has(lower)) return { code: "field.password_too_common" };
  return null;
}

/**
 * Refuses a password that breaks a rule, naming the field `password` (400 with a stable code).
 * @example await assertPasswordAllowed(input.password, input.email);
 */
export async function assertPasswordAllowed(password: string, email: string): Promise<void> {
  const problem = await passwordProblem(password, email);
  if (problem) throw invalidField("password", problem.code, problem.params);
}
