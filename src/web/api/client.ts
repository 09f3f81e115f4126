import i18next from "i18next";

export interface FieldProblem {
  code: string;
  message: string;
}

/** An error answered by the API: a stable code, a message in the user's language, and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, FieldProblem> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
/** Remembers the CSRF token the session endpoint gave; every write echoes it. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** The CSRF token of the session, for requests made outside `api` (uploads with progress). */
export const getCsrfToken = () => csrfToken;

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "accept-language": i18next.language || "en" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${url}`, {
      method,
      headers,
      credentials: "same-origin",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, "network", i18next.t("app.error"));
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (
      data as { error?: { code: string; message: string; fields?: Record<string, FieldProblem> } } | null
    )?.error;
    throw new ApiError(
      res.status,
      e?.code ?? "internal",
      e?.message ?? i18next.t("app.error"),
      e?.fields ?? {},
    );
  }
  return data as T;
}

/** The staff API, same origin, cookie session. */
export const api = {
  get: <T>(url: string) => request<T>("GET", url),
  post: <T>(url: string, body?: unknown) => request<T>("POST", url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>("PATCH", url, body),
  put: <T>(url: string, body: unknown) => request<T>("PUT", url, body),
  delete: <T>(url: string) => request<T>("DELETE", url),
};
