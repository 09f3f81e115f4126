import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReactNode } from "react";
import type { AppDeps } from "../../platform/http/deps.js";
import { portalNotFound } from "../portal/portal.errors.js";
import { mandateName } from "../portal/portal.presenters.js";
import { createPortalRepository } from "../portal/portal.repository.js";
import { type PortalShell, renderPortalPage } from "../portal/portal-page.js";
import type { PortalLang } from "../portal/portal-words.js";
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

/** A page of one heading and one sentence, and perhaps a link back to the sign-up form. */
export interface SayOptions extends PageOptions {
  title: string;
  text: string;
  /** The words of a link to the sign-up form, if the page offers one. */
  again?: string;
}

type PortalMandate = NonNullable<Awaited<ReturnType<ReturnType<typeof createPortalRepository>["mandate"]>>>;

/**
 * The answers of the mailing list's public pages, each a whole page in the portal's frame: no caching, no Referer
 * (links carry tokens), and personal pages kept out of search engines.
 */
export function createSubscriptionReplies(deps: AppDeps) {
  const portal = createPortalRepository({ db: deps.db });
  const mandates = new WeakMap<FastifyRequest, Promise<PortalMandate>>();

  /** The mandate whose portal frames the pages: looked up once per request, however many parts of it need it. */
  function mandateOf(reply: FastifyReply): Promise<PortalMandate> {
    let mandate = mandates.get(reply.request);
    if (!mandate) {
      mandate = portal.mandate(deps.config.portalMandate).then((m) => {
        if (!m) throw portalNotFound();
        return m;
      });
      mandates.set(reply.request, mandate);
    }
    return mandate;
  }

  async function page(
    reply: FastifyReply,
    lang: PortalLang,
    path: string,
    title: string,
    body: ReactNode,
    o: PageOptions = {},
  ) {
    const shell: PortalShell = {
      lang,
      mandateName: mandateName(await mandateOf(reply), lang),
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

  /** A page that says one thing: sent, unsubscribed, not subscribed, too many requests, a link that does not work. */
  const say = (reply: FastifyReply, lang: PortalLang, path: string, o: SayOptions) =>
    page(
      reply,
      lang,
      path,
      o.title,
      <Message title={o.title}>
        <p>{o.text}</p>
        {o.again && (
          <p>
            <a href={`/${lang}/subscribe`}>{o.again}</a>
          </p>
        )}
      </Message>,
      o,
    );

  /** A link that does not work, said plainly: 400 when it is not one of ours, 410 when it ran out. */
  const badLink = (reply: FastifyReply, lang: PortalLang, path: string, problem: "invalid" | "expired") => {
    const w = subscriptionWords[lang];
    const expired = problem === "expired";
    return say(reply, lang, path, {
      title: expired ? w.expiredTitle : w.invalidTitle,
      text: expired ? w.expiredText : w.invalidText,
      again: w.subscribeAgain,
      status: expired ? 410 : 400,
      personal: true,
      single: true,
    });
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

  return { mandateOf, page, say, badLink, subscribed, subscribeForm, preferencesForm };
}
