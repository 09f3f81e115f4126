import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createScratchDatabase } from "../support/test-deps.js";
import { importOnce } from "./crash-run.js";
import { demoMandateId, type HttpClient, signInOver, startDemoServer } from "./live-server.js";

/**
 * `npm run test:load -- [--seconds N] [--pg]`: the built demo server with a few thousand records more, under mixed
 * traffic from autocannon (one instance per kind of request, all at once). Exits 1 if any request failed.
 */
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "2" },
    pg: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (values.pg && !process.env.DATABASE_URL) throw new Error("--pg needs DATABASE_URL");

const words = [
  "detention",
  "border",
  "forced",
  "return",
  "family",
  "convention",
  "ratify",
  "prison",
  "women",
];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
const headersOf = (c: HttpClient) => ({ cookie: c.cookie, "x-csrf-token": c.csrf });

/** Creates events through the API, a few at a time; returns their ids. */
async function seedEvents(client: HttpClient, mandateId: string, count: number) {
  const ids: string[] = [];
  const one = async (i: number) => {
    const res = await client.send("POST", "/api/v1/events", {
      mandateId,
      title: `Load ${pick(words)} ${pick(words)} ${i}`,
      startDate: { value: "2016-05", precision: "month" },
    });
    if (res.status !== 201) throw new Error(`seeding event ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  };
  for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: 8 }, (_, k) => one(i + k)));
  return ids;
}

const scratch = values.pg ? await createScratchDatabase() : null;
const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-load-"));
const server = await startDemoServer({
  dataDir,
  entry: "built",
  ...(scratch ? { databaseUrl: scratch.url } : {}),
});
let failed = false;
try {
  const seedStarted = Date.now();
  const officer = await signInOver(server.url, "officer@demo.test");
  const reader = await signInOver(server.url, "readonly@demo.test");
  const mandateId = await demoMandateId(officer);
  const attempt = { tag: "LOADSEED", rows: 3000, runId: null, succeeded: false };
  await importOnce(officer, mandateId, attempt);
  if (!attempt.succeeded) throw new Error("the seed import did not succeed");
  const eventIds = await seedEvents(officer, mandateId, 400);
  console.log(
    `seeded 3000 recommendations (one import) and ${eventIds.length} events in ${Math.round((Date.now() - seedStarted) / 1000)} s, on top of the demo mandate`,
  );

  const accounts = ["officer", "holder", "analyst", "readonly", "admin"].map((a) => `${a}@demo.test`);
  const kinds: { name: string; requests: autocannon.Request[] }[] = [
    {
      name: "record reads",
      requests: [
        {
          method: "GET",
          headers: headersOf(reader),
          setupRequest: (r) => ({ ...r, path: `/api/v1/events/${pick(eventIds)}` }),
        },
      ],
    },
    {
      name: "lists",
      requests: [
        {
          method: "GET",
          headers: headersOf(reader),
          setupRequest: (r) => ({
            ...r,
            path: `/api/v1/${pick(["events", "recommendations", "persons", "sources"])}?mandateId=${mandateId}&limit=50`,
          }),
        },
      ],
    },
    {
      name: "searches",
      requests: [
        {
          method: "GET",
          headers: headersOf(reader),
          setupRequest: (r) => ({
            ...r,
            path: `/api/v1/search?mandateId=${mandateId}&q=${encodeURIComponent(pick(words))}`,
          }),
        },
      ],
    },
    {
      name: "writes",
      requests: [
        {
          method: "POST",
          path: "/api/v1/events",
          headers: { ...headersOf(officer), "content-type": "application/json" },
          setupRequest: (r) => ({
            ...r,
            body: JSON.stringify({
              mandateId,
              title: `Load write ${pick(words)} ${Math.random().toString(36).slice(2)}`,
              startDate: { value: "2017", precision: "year" },
            }),
          }),
        },
        {
          method: "PATCH",
          headers: { ...headersOf(officer), "content-type": "application/json" },
          setupRequest: (r) => ({
            ...r,
            path: `/api/v1/events/${pick(eventIds)}`,
            body: JSON.stringify({ description: `Changed ${Math.random().toString(36).slice(2)}` }),
          }),
        },
      ],
    },
    {
      name: "sign-ins",
      requests: [
        {
          method: "POST",
          path: "/api/v1/auth/login",
          headers: { "content-type": "application/json" },
          setupRequest: (r) => ({
            ...r,
            body: JSON.stringify({ email: pick(accounts), password: "rapporteur-demo-2017" }),
          }),
        },
      ],
    },
    {
      name: "portal pages",
      requests: [
        {
          method: "GET",
          setupRequest: (r) => ({
            ...r,
            path: pick([
              "/en/",
              "/ko/",
              "/en/press-releases",
              "/en/reports",
              "/en/recommendations",
              "/sitemap.xml",
            ]),
          }),
        },
      ],
    },
  ];
  console.log(
    `load: ${kinds.length} kinds × ${connections} connections for ${seconds} s on ${scratch ? "PostgreSQL" : "SQLite"}`,
  );
  const results = await Promise.all(
    kinds.map((k) =>
      autocannon({ url: server.url, connections, duration: seconds, requests: k.requests }).then((r) => ({
        name: k.name,
        r,
      })),
    ),
  );
  console.log(
    `\nLoad (${scratch ? "postgres" : "sqlite"}, ${seconds} s, ${connections} connections per kind):`,
  );
  console.log("| kind | requests | errors | p50 ms | p99 ms | req/s |");
  console.log("|---|---:|---:|---:|---:|---:|");
  let total = 0;
  for (const { name, r } of results) {
    const errors = r.non2xx - r["3xx"] + r.errors + r.timeouts;
    if (errors > 0) failed = true;
    total += r.requests.total;
    console.log(
      `| ${name} | ${r.requests.total} | ${errors} | ${r.latency.p50} | ${r.latency.p99} | ${Math.round(r.requests.average)} |`,
    );
    if (errors > 0)
      console.log(
        `  ${name}: statuses ${JSON.stringify(r.statusCodeStats)}, errors ${r.errors}, timeouts ${r.timeouts}`,
      );
  }
  console.log(
    `total: ${total} requests, ${Math.round(total / seconds)} req/s; ${failed ? "FAILED" : "no errors"}`,
  );
} finally {
  await server.stop();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
