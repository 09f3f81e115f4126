import type { FastifyReply } from "fastify";
import type { ReactNode } from "react";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { type PortalShell, renderPortalPage } from "../portal/portal-page.js";
import type { PortalLang } from "../portal/portal-words.js";
import { createSubscribersRepository } from "./subscribers.repository.js";
import { listLinks } from "./subscription-links.js";
import { type ChoiceValues, Message, PreferencesForm, SubscribeForm } from "./subscription-pages.js";
import { subscriptionWords } from "./subscription-words.js";
import type { FormProblems } from "./subscriptions.usecases.js";

export interface PageOptions {
  status?: number;
  /** Reached through a personal link: kept out of search engines and caches, and out of Referer headers. */
  personal?: boolean;
  /** Only in this language (a personal link's page: the switch would lose the link). */
  single?: boolean;
}

/**
 * The answers of the mailing list's public pages, each a whole page in the portal's frame: no caching, no Referer
 * (links carry tokens), and personal pages kept out of search engines.
 */
export function createSubscriptionReplies(deps: AppDeps) {
  const subscribers = createSubscribersRepository({ db: deps.db });

  async function page(
    reply: FastifyReply,
    lang: PortalLang,
    path: string,
    title: string,
    body: ReactNode,
    o: PageOptions = {},
  ) {
    const mandate = await subscribers.portalMandate(deps.config.portalMandate);
    if (!mandate) throw new AppError("portal.not_found", 404);
    const shell: PortalShell = {
      lang,
      mandateName: lang === "ko" && mandate.name_ko ? mandate.name_ko : mandate.name_en,
      path,
      title,
      publicUrl: deps.config.publicUrl,
      ...(o.single ? { languages: [lang] } : {}),
      head: <>{o.personal && <meta name="robots" content="noindex,nofollow" />}</>,
    };
    reply
      .status(o.status ?? 200)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "no-referrer");
    if (o.personal) reply.header("x-robots-tag", "noindex, nofollow");
    return reply.send(renderPortalPage(shell, body));
  }

  /** A link that does not work, said plainly: 400 when it is not one of ours, 410 when it ran out. */
  const badLink = (reply: FastifyReply, lang: PortalLang, path: string, problem: "invalid" | "expired") => {
    const w = subscriptionWords[lang];
    const [title, text] =
      problem === "expired" ? [w.expiredTitle, w.expiredText] : [w.invalidTitle, w.invalidText];
    return page(
      reply,
      lang,
      path,
      title,
      <Message title={title}>
        <p>{text}</p>
        <p>
          <a href={`/${lang}/subscribe`}>{w.subscribeAgain}</a>
        </p>
      </Message>,
      { status: problem === "expired" ? 410 : 400, personal: true, single: true },
    );
  };

  const notSubscribed = (reply: FastifyReply, lang: PortalLang, path: string) => {
    const w = subscriptionWords[lang];
    return page(
      reply,
      lang,
      path,
      w.notSubscribedTitle,
      <Message title={w.notSubscribedTitle}>
        <p>{w.notSubscribedText}</p>
        <p>
          <a href={`/${lang}/subscribe`}>{w.subscribeAgain}</a>
        </p>
      </Message>,
      { personal: true, single: true },
    );
  };

  const unsubscribed = (reply: FastifyReply, lang: PortalLang, path: string) => {
    const w = subscriptionWords[lang];
    return page(
      reply,
      lang,
      path,
      w.unsubscribedTitle,
      <Message title={w.unsubscribedTitle}>
        <p>{w.unsubscribedText}</p>
        <p>
          <a href={`/${lang}/subscribe`}>{w.subscribeAgain}</a>
        </p>
      </Message>,
      { personal: true, single: true },
    );
  };

  const subscribed = (
    reply: FastifyReply,
    lang: PortalLang,
    text: string,
    subscriberId: string | undefined,
  ) => {
    const w = subscriptionWords[lang];
    return page(
      reply,
      lang,
      "/subscribe/confirm",
      w.confirmedTitle,
      <Message title={w.confirmedTitle}>
        <p>{text}</p>
        {subscriberId && (
          <p>
            <a href={listLinks(deps, subscriberId, lang).manage.replace(/^https?:\/\/[^/]+/, "")}>
              {w.manage}
            </a>
          </p>
        )}
      </Message>,
      { personal: true, single: true },
    );
  };

  const subscribeForm = (
    reply: FastifyReply,
    lang: PortalLang,
    email: string,
    values: ChoiceValues,
    problems: FormProblems,
  ) => {
    const w = subscriptionWords[lang];
    const failed = Object.keys(problems).length > 0;
    return page(
      reply,
      lang,
      "/subscribe",
      failed ? `${w.errorPrefix}: ${w.subscribeTitle}` : w.subscribeTitle,
      <SubscribeForm lang={lang} email={email} values={values} problems={problems} />,
      { status: failed ? 400 : 200 },
    );
  };

  const preferencesForm = (
    reply: FastifyReply,
    lang: PortalLang,
    token: string,
    values: ChoiceValues,
    o: { problems?: FormProblems; saved?: boolean } = {},
  ) => {
    const w = subscriptionWords[lang];
    const problems = o.problems ?? {};
    const failed = Object.keys(problems).length > 0;
    return page(
      reply,
      lang,
      "/subscription",
      failed ? `${w.errorPrefix}: ${w.preferencesTitle}` : w.preferencesTitle,
      <PreferencesForm
        lang={lang}
        token={token}
        values={values}
        problems={problems}
        saved={o.saved === true}
      />,
      { status: failed ? 400 : 200, personal: true, single: true },
    );
  };

  return { page, badLink, notSubscribed, unsubscribed, subscribed, subscribeForm, preferencesForm };
}
