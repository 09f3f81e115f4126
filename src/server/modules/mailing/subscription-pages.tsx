import type { ReactNode } from "react";
import {
  type MailingLanguage,
  type MailingTopic,
  mailingLanguages,
  mailingTopics,
} from "./mailing.policies.js";
import { type SubscriptionWords, subscriptionWords } from "./subscription-words.js";
import type { FormProblems } from "./subscriptions.usecases.js";

export interface ChoiceValues {
  language: string;
  topics: readonly string[];
}

type Field = keyof FormProblems;

/** A list of what is wrong, each linking to its field; announced when the page opens. */
function ProblemSummary({ w, problems }: { w: SubscriptionWords; problems: FormProblems }) {
  // In the order of the form.
  const fields = (["email", "language", "topics"] as const).filter((f) => problems[f]);
  if (!fields.length) return null;
  return (
    <div className="mailing-summary" role="alert" aria-labelledby="problem-title">
      <h2 id="problem-title">{w.problem}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a href={`#${f === "email" ? "email" : `${f}-first`}`}>
              {w[problems[f] as NonNullable<FormProblems[Field]>]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const FieldError = ({
  w,
  id,
  problem,
}: {
  w: SubscriptionWords;
  id: string;
  problem: FormProblems[Field];
}) =>
  problem ? (
    <p className="mailing-error" id={id}>
      <span className="mailing-trap">{w.errorPrefix}: </span>
      {w[problem]}
    </p>
  ) : null;

/** The language and topics of a subscription, as two groups of choices (each language named in itself). */
function Choices({
  w,
  values,
  problems,
}: {
  w: SubscriptionWords;
  values: ChoiceValues;
  problems: FormProblems;
}) {
  return (
    <>
      <fieldset aria-describedby={problems.language ? "language-error" : undefined}>
        <legend>{w.language}</legend>
        <FieldError w={w} id="language-error" problem={problems.language} />
        {mailingLanguages.map((l: MailingLanguage, i) => (
          <label className="choice" key={l} lang={l}>
            <input
              type="radio"
              name="language"
              value={l}
              id={i === 0 ? "language-first" : undefined}
              defaultChecked={values.language === l}
            />
            {w.languages[l]}
          </label>
        ))}
      </fieldset>
      <fieldset aria-describedby={problems.topics ? "topics-error" : undefined}>
        <legend>{w.topics}</legend>
        <FieldError w={w} id="topics-error" problem={problems.topics} />
        {mailingTopics.map((t: MailingTopic, i) => (
          <label className="choice" key={t}>
            <input
              type="checkbox"
              name="topics"
              value={t}
              id={i === 0 ? "topics-first" : undefined}
              defaultChecked={values.topics.includes(t)}
            />
            {w.topic[t]}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The sign-up form: a plain HTML form, complete without JavaScript. */
export function SubscribeForm(p: {
  lang: MailingLanguage;
  email: string;
  values: ChoiceValues;
  problems: FormProblems;
}) {
  const w = subscriptionWords[p.lang];
  return (
    <>
      <h1>{w.subscribeTitle}</h1>
      <p>{w.subscribeIntro}</p>
      <ProblemSummary w={w} problems={p.problems} />
      <form className="mailing-form" method="post" action={`/${p.lang}/subscribe`} noValidate>
        <div className="field">
          <label htmlFor="email">{w.email}</label>
          <FieldError w={w} id="email-error" problem={p.problems.email} />
          <input
            type="email"
            id="email"
            name="email"
            autoComplete="email"
            spellCheck={false}
            maxLength={254}
            defaultValue={p.email}
            aria-invalid={p.problems.email ? true : undefined}
            aria-describedby={p.problems.email ? "email-error" : undefined}
          />
        </div>
        <Choices w={w} values={p.values} problems={p.problems} />
        {/* People leave this empty; automated sign-ups fill it in and are then ignored. */}
        <div className="mailing-trap">
          <label htmlFor="homepage">{w.trap}</label>
          <input type="text" id="homepage" name="homepage" autoComplete="off" tabIndex={-1} defaultValue="" />
        </div>
        <p className="muted">{w.privacy}</p>
        <button type="submit">{w.subscribe}</button>
      </form>
    </>
  );
}

/** A page of one heading and a few sentences (sent, confirmed, unsubscribed, a link that does not work). */
export function Message({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      {children}
    </>
  );
}

/** One button that does what a link only offered: mail scanners open links, they do not press buttons. */
export function ActionForm(p: { action: string; button: string; hidden: Record<string, string> }) {
  return (
    <form method="post" action={p.action} className="mailing-actions">
      {Object.entries(p.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{p.button}</button>
    </form>
  );
}

/** The preferences form of a subscriber: language, topics, save, or unsubscribe. */
export function PreferencesForm(p: {
  lang: MailingLanguage;
  token: string;
  values: ChoiceValues;
  problems: FormProblems;
  saved: boolean;
}) {
  const w = subscriptionWords[p.lang];
  return (
    <>
      <h1>{w.preferencesTitle}</h1>
      <p>{w.preferencesIntro}</p>
      <p role="status">{p.saved ? w.saved : ""}</p>
      <ProblemSummary w={w} problems={p.problems} />
      <form className="mailing-form" method="post" action={`/${p.lang}/subscription`} noValidate>
        <input type="hidden" name="token" value={p.token} />
        <Choices w={w} values={p.values} problems={p.problems} />
        <div className="mailing-actions">
          <button type="submit" name="action" value="save">
            {w.save}
          </button>
        </div>
        <p>{w.stopAll}</p>
        <div className="mailing-actions">
          <button type="submit" name="action" value="unsubscribe" className="mailing-secondary">
            {w.unsubscribe}
          </button>
        </div>
      </form>
    </>
  );
}
