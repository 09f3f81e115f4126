import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const demoPassword = "rapporteur-demo-2017";

/** `built`: `node bin/rapporteur.js demo`, as `npm start` runs it (needs `npm run build`); `source`: the same through tsx. */
export type ServerEntry = "built" | "source";

export interface LiveServer {
  pid: number;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9: no handler runs, nothing is flushed. */
  crash: () => Promise<void>;
  stop: () => Promise<void>;
}

/** The operator's environment without this run's Rapporteur settings, plus the given ones. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(RAPPORTEUR_|DATABASE_URL$|PORT$|NODE_OPTIONS$|VITEST|SMTP_URL$|MAIL_FROM$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/**
 * Starts `rapporteur demo` on a data directory (and a PostgreSQL database when `databaseUrl` is given) on a free
 * loopback port, with per-address rate limits off and no sign-in delay, and waits until it listens.
 * @example const server = await startDemoServer({ dataDir, entry: "built" });
 */
export async function startDemoServer(options: {
  dataDir: string;
  databaseUrl?: string;
  entry: ServerEntry;
  env?: Record<string, string>;
}): Promise<LiveServer> {
  const args =
    options.entry === "built"
      ? [path.join("bin", "rapporteur.js"), "demo"]
      : ["--import", "tsx", path.join("src", "cli", "main.ts"), "demo"];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: cleanEnv({
      PORT: "0",
      RAPPORTEUR_HOST: "127.0.0.1",
      RAPPORTEUR_LOG_LEVEL: "warn",
      RAPPORTEUR_DATA_DIR: options.dataDir,
      RAPPORTEUR_LOGIN_DELAY_MS: "0",
      RAPPORTEUR_RATE_LIMIT_PER_MINUTE: "0",
      RAPPORTEUR_LOGINS_PER_IP_PER_MINUTE: "1000000",
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (c: Buffer) => {
    output = (output + c.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = /Rapporteur demo is ready at (\S+)/.exec(output);
      if (ready?.[1]) {
        clearInterval(timer);
        resolve(ready[1]);
      }
    }, 25);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the server exited before it was ready:\n${output}`));
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    pid: child.pid as number,
    url,
    output: () => output,
    exited,
    crash: async () => {
      if (running()) child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (running()) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A signed-in caller over real HTTP: session cookie, and the CSRF token on writes. */
export interface HttpClient {
  cookie: string;
  csrf: string;
  send: (
    method: string,
    url: string,
    body?: unknown,
    contentType?: string,
    // biome-ignore lint/suspicious/noExplicitAny: the suites read a few fields of many different answers.
  ) => Promise<{ status: number; body: any }>;
}

/**
 * Signs in through the API of a running server.
 * @example const officer = await signInOver(server.url, "officer@demo.test");
 */
export async function signInOver(base: string, email: string, password = demoPassword): Promise<HttpClient> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken)
    throw new Error(`sign-in of ${email}: ${res.status} ${JSON.stringify(body)}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const csrf = body.csrfToken;
  return {
    cookie,
    csrf,
    send: async (method, url, payload, contentType = "application/json") => {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": csrf,
          ...(payload === undefined ? {} : { "content-type": contentType }),
        },
        ...(payload === undefined
          ? {}
          : {
              body:
                typeof payload === "string"
                  ? payload
                  : Buffer.isBuffer(payload)
                    ? new Uint8Array(payload)
                    : JSON.stringify(payload),
            }),
      });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      // biome-ignore lint/suspicious/noExplicitAny: the suites read a few fields of many different answers.
      return { status: r.status, body: parsed as any };
    },
  };
}

/** The id of the demo mandate, as a member sees it. */
export async function demoMandateId(client: HttpClient): Promise<string> {
  const res = await client.send("GET", "/api/v1/mandates");
  const m = (res.body.items as { id: string; code: string }[]).find((x) => x.code === "dprk-demo");
  if (!m) throw new Error("no demo mandate");
  return m.id;
}
