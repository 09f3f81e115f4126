import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../server/platform/reference-data.js";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size and its peak, in MB, from /proc. */
  memory: () => { rssMb: number; peakMb: number };
  stop: () => Promise<void>;
}

/** Starts the real server (`rapporteur serve`) as its own process, the way it runs in production. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(packageRoot(), "bin/rapporteur.js"), "serve"],
    {
      // Measurements send far more than a person does from one address: request rate limits are off.
      env: {
        ...process.env,
        PORT: "0",
        RAPPORTEUR_LOG_LEVEL: "warn",
        RAPPORTEUR_RATE_LIMIT_PER_MINUTE: "0",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let errors = "";
  child.stderr?.on("data", (d: Buffer) => {
    errors += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${errors.slice(-2000)}`)));
  });
  const pid = child.pid ?? 0;
  const field = (name: string) => {
    const m = new RegExp(`${name}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return Math.round(Number(m?.[1] ?? 0) / 1024);
  };
  return {
    url,
    pid,
    memory: () => ({ rssMb: field("VmRSS"), peakMb: field("VmHWM") }),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in and returns the headers that carry the session. */
export async function signInHeaders(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { cookie };
}
