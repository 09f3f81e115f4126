import { ApiError } from "../../api/client.js";

/** The problems an API error names, by field (`labels.ko` stays `labels.ko`), in the user's language. */
export function problemsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(err.fields).map(([name, p]) => [name, p.message]));
}

/** Props that tie an input to its hint and to the problem shown next to it. */
export function describedBy(id: string, problem: string | undefined, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": ids || undefined,
  } as const;
}

/** The problem of one field, next to it. */
export function FieldProblem({ id, problem }: { id: string; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <small id={`${id}-error`} className="field-error">
      {problem}
    </small>
  );
}
