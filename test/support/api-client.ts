import type { FastifyInstance, LightMyRequestResponse } from "fastify";

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: LightMyRequestResponse["headers"];
  raw: LightMyRequestResponse;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A signed-in browser-like caller: session cookie plus CSRF token on writes. */
export interface ApiClient {
  userId: string;
  request: <T = Record<string, unknown>>(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse<T>>;
  get: <T = Record<string, unknown>>(
    url: string,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse<T>>;
  post: <T = Record<string, unknown>>(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse<T>>;
  patch: <T = Record<string, unknown>>(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse<T>>;
  put: <T = Record<string, unknown>>(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse<T>>;
}

const parse = (res: LightMyRequestResponse) => {
  try {
    return res.body ? JSON.parse(res.body) : null;
  } catch {
    return res.body;
  }
};

/** Sends one request without a session. */
export async function anonymous<T = Record<string, unknown>>(
  app: FastifyInstance,
  method: Method,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const res = await app.inject({
    method,
    url,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    // A string or a Buffer goes as it is (a raw upload says its own content type); anything else as JSON.
    ...(body === undefined
      ? {}
      : { payload: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
  });
  return { status: res.statusCode, body: parse(res) as T, headers: res.headers, raw: res };
}

/** Signs in through the API and returns a client that carries the session. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<ApiClient> {
  const login = await anonymous<{ csrfToken: string; user: { id: string } }>(
    app,
    "POST",
    "/api/v1/auth/login",
    { email, password },
  );
  if (login.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
  const request = <T>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    anonymous<T>(app, method, url, body, { cookie, "x-csrf-token": login.body.csrfToken, ...headers });
  return {
    userId: login.body.user.id,
    request,
    get: (url, headers) => request("GET", url, undefined, headers),
    post: (url, body, headers) => request("POST", url, body, headers),
    patch: (url, body, headers) => request("PATCH", url, body, headers),
    put: (url, body, headers) => request("PUT", url, body, headers),
  };
}
