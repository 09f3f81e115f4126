import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";

/** One step of a lifecycle as the list shows it. */
export interface LifecycleStep {
  key: string;
  label: string;
}

/**
 * Where a record stands in its lifecycle, as a list of steps: those passed are marked done (for screen readers too,
 * with `doneLabel`), the current one is the list's current step.
 */
export function LifecycleSteps({
  label,
  steps,
  current,
  doneLabel,
}: {
  label: string;
  steps: readonly LifecycleStep[];
  /** The index of the current step (-1: none). */
  current: number;
  doneLabel: string;
}) {
  return (
    <ol className="steps" aria-label={label}>
      {steps.map((s, i) => (
        <li
          key={s.key}
          className={i < current ? "done" : i === current ? "current" : undefined}
          aria-current={i === current ? "step" : undefined}
        >
          {s.label}
          {i < current && <span className="visually-hidden"> {doneLabel}</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * Asks to confirm a move that is hard to take back (sending a letter, publishing); the confirming button, described
 * by the question, has the focus as soon as it is asked.
 */
export function ConfirmMove({
  id,
  question,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  /** The question's id, which the confirming button is described by. */
  id: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="confirm">
      <p id={id}>{question}</p>
      <button type="button" ref={confirmRef} aria-describedby={id} disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>{" "}
      <button type="button" className="secondary" onClick={onCancel}>
        {t("record.cancel")}
      </button>
    </div>
  );
}

/**
 * Runs a lifecycle move (or any one change) the way every panel does: busy meanwhile, the API's error kept to show
 * (a failure to reach it too), and once done, what `onDone` says happened, for the status line.
 * @example const { run, busy, error, done } = useMove((action: string) => api.post(`/x/${id}/transitions`, { action }), async (x) => t("moved"));
 */
export function useMove<A extends unknown[], T>(
  work: (...args: A) => Promise<T>,
  onDone: (result: T) => Promise<string> | string,
) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState("");
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    setDone("");
    try {
      setDone(await onDone(await work(...args)));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "internal", t("app.error")));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, done };
}
