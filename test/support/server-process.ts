import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The environment of an operator's shell, without this test run's database or Rapporteur settings. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(RAPPORTEUR_|DATABASE_URL$|PORT$|NODE_OPTIONS$|VITEST|SMTP_URL$|MAIL_FROM$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

export interface ServerProcess {
  /** The pid of the server itself (node runs the TypeScript through tsx's loader: no wrapper process). */
  pid: number;
  url: string;
  output: () => string;
  /** Resolves when the process has ended, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `rapporteur serve` from the source tree as its own process and waits until it listens.
 * @example const server = await startServerProcess({ RAPPORTEUR_DATA_DIR: dir, SMTP_URL: sink.url });
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join("src", "cli", "main.ts"), "serve"],
    {
      cwd: repoRoot,
      env: cleanEnv({ PORT: "0", RAPPORTEUR_LOG_LEVEL: "warn", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = /Rapporteur is ready at (\S+)/.exec(output);
      if (ready?.[1]) {
        clearInterval(timer);
        resolve(ready[1]);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the server exited before it was ready:\n${output}`));
    });
  });
  return {
    pid: child.pid as number,
    url,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
