import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { pickLocale } from "../../platform/i18n/messages.js";
import { type PortalLang, portalLangs } from "../portal/portal-words.js";
import type { MailingLanguage } from "./mailing.policies.js";
import { ActionForm, Message } from "./subscription-pages.js";
import { createSubscriptionReplies, type SayOptions } from "./subscription-replies.js";
import { subscriptionWords } from "./subscription-words.js";
import {
  changeSubscription,
  checkChoices,
  confirmationState,
  confirmSubscription,
  removeSubscription,
  subscribe,
  subscriptionOf,
  unsubscribe,
} from "./subscriptions.usecases.js";

/** A urlencoded (or multipart) form as its route reads it; anything else sent to these routes is refused. */
class FormBody {
  constructor(readonly params: URLSearchParams) {}
  one = (name: string) => this.params.get(name) ?? "";
  all = (name: string) => this.params.getAll(name);
}

const formLimit = 16 * 1024;

/** The form a route was sent (none at all reads as an empty one); JSON or anything else is refused with 415. */
function formOf(req: FastifyRequest): FormBody {
  if (req.body instanceof FormBody) return req.body;
  if (req.body === undefined) return new FormBody(new URLSearchParams());
  throw new AppError("request.unsupported_media_type", 415);
}

const tokenOf = (req: FastifyRequest) => {
  const token = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof token === "string" ? token : undefined;
};

/** What a personal link's page says once its subscriber is off the list: left just now, or before. */
const offList = (lang: PortalLang, was: "unsubscribed" | "notSubscribed"): SayOptions => {
  const w = subscriptionWords[lang];
  return {
    title: was === "unsubscribed" ? w.unsubscribedTitle : w.notSubscribedTitle,
    text: was === "unsubscribed" ? w.unsubscribedText : w.notSubscribedText,
    again: w.subscribeAgain,
    personal: true,
    single: true,
  };
};

/**
 * The public pages of the mailing list: sign-up with double opt-in, confirmation, preferences and unsubscribe
 * (one-click, RFC 8058). Plain HTML forms in the portal's frame, complete without JavaScript; never an address.
 */
export function registerSubscriptionPages(app: FastifyInstance, deps: AppDeps) {
  const { mandateOf, page, say, badLink, subscribed, subscribeForm, preferencesForm } =
    createSubscriptionReplies(deps);

  app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: formLimit },
      (_req, body, done) => done(null, new FormBody(new URLSearchParams(String(body)))),
    );
    // RFC 8058 lets a mail client send one-click unsubscribe as multipart: its one field is not needed, the token
    // is in the address.
    scope.addContentTypeParser(
      "multipart/form-data",
      { parseAs: "string", bodyLimit: formLimit },
      (_req, _body, done) => done(null, new FormBody(new URLSearchParams())),
    );
    const hide = { schema: { hide: true } };

    for (const lang of portalLangs) {
      const w = subscriptionWords[lang];

      scope.get(`/${lang}/subscribe`, hide, async (_req, reply) =>
        subscribeForm(reply, lang, "", { language: lang, topics: ["press_releases"] }, {}),
      );

      scope.post(`/${lang}/subscribe`, { ...hide, bodyLimit: formLimit }, async (req, reply) => {
        const form = formOf(req);
        const mandate = await mandateOf(reply);
        const values = { language: form.one("language"), topics: form.all("topics") };
        const outcome = await subscribe({
          deps,
          mandateId: mandate.id,
          ip: req.ip,
          form: { email: form.one("email"), ...values, trap: form.one("homepage") },
        });
        if (outcome.kind === "sent") return reply.redirect(`/${lang}/subscribe/sent`, 303);
        if (outcome.kind === "invalid")
          return subscribeForm(reply, lang, form.one("email"), values, outcome.problems);
        reply.header("retry-after", "3600");
        return say(reply, lang, "/subscribe", { title: w.tooManyTitle, text: w.tooManyText, status: 429 });
      });

      scope.get(`/${lang}/subscribe/sent`, hide, async (_req, reply) =>
        say(reply, lang, "/subscribe/sent", { title: w.sentTitle, text: w.sentText, personal: true }),
      );

      scope.get(`/${lang}/subscribe/confirm`, hide, async (req, reply) => {
        const token = tokenOf(req);
        const state = await confirmationState(deps, token);
        if (state.state === "invalid" || state.state === "expired")
          return badLink(reply, lang, "/subscribe/confirm", state.state);
        if (state.state === "confirmed")
          return subscribed(reply, lang, w.alreadyConfirmedText, state.subscriberId);
        return page(
          reply,
          lang,
          "/subscribe/confirm",
          w.confirmTitle,
          <Message title={w.confirmTitle}>
            <p>{w.confirmText}</p>
            <ActionForm
              action={`/${lang}/subscribe/confirm`}
              button={w.confirm}
              hidden={{ token: token ?? "" }}
            />
          </Message>,
          { personal: true, single: true },
        );
      });

      scope.post(`/${lang}/subscribe/confirm`, { ...hide, bodyLimit: formLimit }, async (req, reply) => {
        const result = await confirmSubscription(deps, formOf(req).one("token") || tokenOf(req));
        if (result.state === "invalid" || result.state === "expired")
          return badLink(reply, lang, "/subscribe/confirm", result.state);
        return subscribed(reply, lang, w.confirmedText, result.subscriberId);
      });

      scope.get(`/${lang}/subscription`, hide, async (req, reply) => {
        const token = tokenOf(req);
        if (token === undefined)
          return say(reply, lang, "/subscription", {
            title: w.preferencesTitle,
            text: w.noTokenText,
            again: w.subscribeTitle,
          });
        const sub = await subscriptionOf(deps, token);
        if (sub.state === "invalid") return badLink(reply, lang, "/subscription", "invalid");
        if (sub.state === "gone") return say(reply, lang, "/subscription", offList(lang, "notSubscribed"));
        return preferencesForm(reply, lang, token, sub);
      });

      scope.post(`/${lang}/subscription`, { ...hide, bodyLimit: formLimit }, async (req, reply) => {
        const form = formOf(req);
        const token = form.one("token");
        const sub = await subscriptionOf(deps, token);
        if (sub.state === "invalid") return badLink(reply, lang, "/subscription", "invalid");
        if (sub.state === "gone") return say(reply, lang, "/subscription", offList(lang, "notSubscribed"));
        if (form.one("action") === "unsubscribe") {
          await removeSubscription(deps, sub.id);
          return say(reply, lang, "/subscription", offList(lang, "unsubscribed"));
        }
        const values = { language: form.one("language"), topics: form.all("topics") };
        const checked = checkChoices(values);
        if (!checked.ok) return preferencesForm(reply, lang, token, values, { problems: checked.problems });
        await changeSubscription(deps, sub.id, checked.choices);
        return preferencesForm(reply, lang, token, checked.choices, { saved: true });
      });
    }

    /** The page of the unsubscribe link: in the subscriber's language, one button. */
    scope.get("/unsubscribe", hide, async (req, reply) => {
      const token = tokenOf(req);
      const sub = await subscriptionOf(deps, token);
      const lang: MailingLanguage =
        sub.state === "ok" ? sub.language : pickLocale(req.headers["accept-language"]);
      if (sub.state === "invalid") return badLink(reply, lang, "/unsubscribe", "invalid");
      if (sub.state === "gone") return say(reply, lang, "/unsubscribe", offList(lang, "notSubscribed"));
      const w = subscriptionWords[lang];
      return page(
        reply,
        lang,
        "/unsubscribe",
        w.unsubscribeTitle,
        <Message title={w.unsubscribeTitle}>
          <p>{w.unsubscribeText}</p>
          <ActionForm
            action={`/unsubscribe?token=${encodeURIComponent(token ?? "")}`}
            button={w.unsubscribe}
            hidden={{ "List-Unsubscribe": "One-Click" }}
          />
        </Message>,
        { personal: true, single: true },
      );
    });

    /** One-click unsubscribe (RFC 8058): a POST to the link of the List-Unsubscribe header, no login, no cookie. */
    scope.post("/unsubscribe", { ...hide, bodyLimit: formLimit }, async (req, reply) => {
      formOf(req);
      const result = await unsubscribe(deps, tokenOf(req));
      const lang: MailingLanguage =
        result.state === "done" && result.language
          ? result.language
          : pickLocale(req.headers["accept-language"]);
      if (result.state === "invalid") return badLink(reply, lang, "/unsubscribe", "invalid");
      return say(reply, lang, "/unsubscribe", offList(lang, "unsubscribed"));
    });
  });
}
