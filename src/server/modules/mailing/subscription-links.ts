import type { AppDeps } from "../../platform/http/deps.js";
import type { MailingLanguage } from "./mailing.policies.js";
import { mailingKeys, signToken } from "./mailing-tokens.js";

const base = (deps: AppDeps) => deps.config.publicUrl.replace(/\/+$/, "");

/** The links of a subscriber's e-mail, signed for them: preferences (no login) and one-click unsubscribe. */
export function listLinks(deps: AppDeps, subscriberId: string, lang: MailingLanguage) {
  const token = signToken(mailingKeys(deps.masterKey), "manage", subscriberId);
  return {
    manage: `${base(deps)}/${lang}/subscription?token=${token}`,
    unsubscribe: `${base(deps)}/unsubscribe?token=${token}`,
  };
}

/** The double opt-in link: it works until the address is due to be purged. */
export function confirmLink(deps: AppDeps, subscriberId: string, lang: MailingLanguage, confirmBy: string) {
  const token = signToken(mailingKeys(deps.masterKey), "confirm", subscriberId, new Date(confirmBy));
  return `${base(deps)}/${lang}/subscribe/confirm?token=${token}`;
}
