import { createServer, type Server } from "node:http";
import { performance } from "node:perf_hooks";

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Percentiles of a list of milliseconds (nearest rank). */
export function statsOf(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: s.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
    max: round(s[s.length - 1] ?? 0),
  };
}

/**
 * Runs `fn` `warmup` times unmeasured, then up to `times` times, stopping early (after at least 10 runs) once
 * `budgetMs` is spent, so slow queries at full scale do not take hours; returns the latencies.
 */
export async function timed(
  times: number,
  warmup: number,
  fn: (i: number) => Promise<unknown> | unknown,
  budgetMs = 30_000,
) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
    if (out.length >= 10 && performance.now() - started > budgetMs) break;
  }
  return out;
}

/** A bare Node HTTP server answering every request with the same body: the floor any HTTP API stands on. */
export async function startBareServer(
  body: string,
  contentType = "application/json; charset=utf-8",
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": contentType,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fetches and reads the whole body, failing loudly on any status but 200. */
export async function getText(url: string, headers: Record<string, string> = {}): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch {
    // A kept-alive connection the server closed while the raw replay ran: one retry on a new connection.
    res = await fetch(url, { headers });
  }
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${text.slice(0, 300)}`);
  return text;
}
