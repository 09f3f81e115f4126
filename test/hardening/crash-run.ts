import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkDatabase, type DatabaseProbe, openProbe } from "./crash-db.js";
import {
  demoMandateId,
  type HttpClient,
  type ServerEntry,
  signInOver,
  startDemoServer,
} from "./live-server.js";

/** An event as the server acknowledged it: its id, the title of its last acknowledged write and its version. */
interface AckedEvent {
  id: string;
  title: string;
  version: number;
  /** A title sent but not answered when the server died: it may or may not have been committed. */
  inFlight: string | null;
}
/** An import: its run id once the commit was accepted, the rows its file holds, whether its success was seen. */
export interface ImportAttempt {
  tag: string;
  rows: number;
  runId: string | null;
  succeeded: boolean;
}

export interface CrashReport {
  dialect: "sqlite" | "postgres";
  rounds: number;
  roundsSurvived: number;
  writesAcknowledged: number;
  writesVerified: number;
  importsChecked: number;
  importsApplied: number;
  seconds: number;
  failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const writerAccounts = ["officer@demo.test", "holder@demo.test", "analyst@demo.test"];
const importRows = 200;
const recommendationHeader =
  "Source body,Paragraph,Addressee,Country,Text,Recommending state,Response,Session,Issued on";
const recommendationMapping = {
  columns: [
    { column: "Source body", field: "sourceBody" },
    { column: "Paragraph", field: "paragraph" },
    { column: "Addressee", field: "addresseeKind" },
    { column: "Country", field: "addresseeCountry" },
    { column: "Text", field: "text" },
    { column: "Recommending state", field: "recommendingState" },
    { column: "Response", field: "response" },
    { column: "Session", field: "session" },
    { column: "Issued on", field: "issuedOn" },
  ],
};

/** Creates events and changes their titles until the server dies, logging each write it acknowledged. */
async function write(
  client: HttpClient,
  mandateId: string,
  label: string,
  acked: AckedEvent[],
  alive: () => boolean,
) {
  for (let i = 0; alive(); i++) {
    try {
      const title = `crash ${label} n${i}`;
      const created = await client.send("POST", "/api/v1/events", {
        mandateId,
        title,
        startDate: { value: "2016-05", precision: "month" },
      });
      if (created.status !== 201) continue;
      const event: AckedEvent = { id: created.body.id, title, version: created.body.version, inFlight: null };
      acked.push(event);
      for (let u = 1; u <= 2 && alive(); u++) {
        const next = `${title} u${u}`;
        event.inFlight = next;
        const changed = await client.send("PATCH", `/api/v1/events/${event.id}`, {
          title: next,
          version: event.version,
        });
        if (changed.status !== 200) break;
        event.title = next;
        event.version = changed.body.version;
        event.inFlight = null;
      }
    } catch {
      return; // the connection died with the server
    }
  }
}

/** Uploads and commits a CSV of recommendations, then follows its run until it succeeds or the server dies. */
export async function importOnce(client: HttpClient, mandateId: string, attempt: ImportAttempt) {
  const lines = Array.from(
    { length: attempt.rows },
    (_, i) =>
      `UPR,${i + 1},State,PRK,"Ratify the convention ${attempt.tag} ${i}",FRA,Accepted,UPR 33,2019-05-09`,
  );
  const csv = `${recommendationHeader}\r\n${lines.join("\r\n")}\r\n`;
  try {
    const query = new URLSearchParams({ mandateId, type: "recommendations", filename: `${attempt.tag}.csv` });
    const preview = await client.send(
      "POST",
      `/api/v1/imports/preview?${query}`,
      Buffer.from(csv),
      "text/csv",
    );
    if (preview.status !== 200) throw new Error(`preview: ${preview.status} ${JSON.stringify(preview.body)}`);
    const run = await client.send("POST", "/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping: recommendationMapping,
    });
    if (run.status !== 202) throw new Error(`commit: ${run.status} ${JSON.stringify(run.body)}`);
    attempt.runId = run.body.id;
    for (;;) {
      const state = await client.send("GET", `/api/v1/imports/${attempt.runId}`);
      if (state.body.status === "succeeded") attempt.succeeded = true;
      if (state.body.status !== "running") return;
      await sleep(20);
    }
  } catch (e) {
    if (e instanceof Error && /^(preview|commit):/.test(e.message)) throw e;
  }
}

/** Whether what the database holds honours every acknowledgement; each problem as a sentence. */
async function verify(probe: DatabaseProbe, events: AckedEvent[], imports: ImportAttempt[]) {
  const failures: string[] = [];
  const stored = await probe.events(events.map((e) => e.id));
  for (const e of events) {
    const row = stored.get(e.id);
    if (!row) failures.push(`acknowledged event ${e.id} (${e.title}) is missing`);
    else if (row.title !== e.title && row.title !== e.inFlight)
      failures.push(`event ${e.id} holds "${row.title}", acknowledged "${e.title}"`);
    else if (row.version < e.version) failures.push(`event ${e.id} at version ${row.version} < ${e.version}`);
  }
  for (const i of imports) {
    const n = await probe.countRecommendations(i.tag);
    if (n !== 0 && n !== i.rows) failures.push(`import ${i.tag} half-applied: ${n} of ${i.rows} rows`);
    if (i.succeeded && n !== i.rows)
      failures.push(`import ${i.tag} succeeded but holds ${n} of ${i.rows} rows`);
  }
  return failures;
}

/**
 * Rounds of: start the real server, write concurrently and import, kill -9 at a random moment, then check the
 * database's integrity and that every acknowledged write and import is there, whole. The next round's start is the
 * restart after the crash; a last clean start checks the final state.
 * @example const report = await runCrashRounds({ rounds: 3, entry: "source" });
 */
export async function runCrashRounds(options: {
  rounds: number;
  entry: ServerEntry;
  databaseUrl?: string;
  log?: (line: string) => void;
}): Promise<CrashReport> {
  const started = Date.now();
  const dialect = options.databaseUrl ? "postgres" : "sqlite";
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-crash-"));
  const events: AckedEvent[] = [];
  const imports: ImportAttempt[] = [];
  const failures: string[] = [];
  let survived = 0;
  const start = () =>
    startDemoServer({
      dataDir,
      entry: options.entry,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    });
  try {
    for (let round = 1; round <= options.rounds && failures.length === 0; round++) {
      const server = await start();
      const clients = await Promise.all(writerAccounts.map((a) => signInOver(server.url, a)));
      const mandateId = await demoMandateId(clients[0] as HttpClient);
      let alive = true;
      const attempt: ImportAttempt = {
        tag: `CRASHIMPORT${round}X${Date.now().toString(36)}`,
        rows: importRows,
        runId: null,
        succeeded: false,
      };
      imports.push(attempt);
      const work = [
        ...clients.map((c, k) => write(c, mandateId, `r${round} c${k}`, events, () => alive)),
        importOnce(clients[0] as HttpClient, mandateId, attempt),
      ];
      // Of every three rounds, one dies at a random moment, one once the import is committing (to cut its
      // transaction), one once the import succeeded (so a committed import is checked too).
      const mode = round % 3;
      const until = mode === 0 ? () => attempt.succeeded : () => attempt.runId !== null;
      if (mode !== 1) for (let waited = 0; !until() && waited < 60_000; waited += 20) await sleep(20);
      await sleep(100 + Math.random() * (mode === 1 ? 1500 : 400));
      await server.crash();
      alive = false;
      await Promise.all(work);
      const probe = await openProbe(dataDir, options.databaseUrl);
      try {
        const integrity = await checkDatabase(probe);
        failures.push(...integrity.map((p) => `round ${round}: ${p}`));
        failures.push(...(await verify(probe, events, imports)).map((p) => `round ${round}: ${p}`));
      } finally {
        await probe.close();
      }
      if (failures.length === 0) survived++;
      options.log?.(
        `round ${round} ${failures.length ? "FAILED" : "ok"}: killed pid ${server.pid}; ${events.length} events acknowledged so far, import ${attempt.succeeded ? "succeeded" : attempt.runId ? "committing" : "not started"}; ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }
    // The last restart: the server comes up on what the last crash left, and answers for every acknowledged event.
    const server = await start();
    try {
      const reader = await signInOver(server.url, "officer@demo.test");
      for (const e of events.slice(-50)) {
        const res = await reader.send("GET", `/api/v1/events/${e.id}`);
        if (res.status !== 200) failures.push(`after restart, event ${e.id}: ${res.status}`);
      }
    } finally {
      await server.stop();
    }
    const probe = await openProbe(dataDir, options.databaseUrl);
    let applied = 0;
    try {
      for (const i of imports) if ((await probe.countRecommendations(i.tag)) === i.rows) applied++;
    } finally {
      await probe.close();
    }
    return {
      dialect,
      rounds: options.rounds,
      roundsSurvived: survived,
      writesAcknowledged: events.length + events.reduce((n, e) => n + e.version - 1, 0),
      writesVerified: failures.length ? 0 : events.length + events.reduce((n, e) => n + e.version - 1, 0),
      importsChecked: imports.length,
      importsApplied: applied,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      failures,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report as lines to paste into docs/SECURITY.md. */
export function describeCrash(r: CrashReport): string {
  return [
    `Crash (${r.dialect}): ${r.roundsSurvived}/${r.rounds} rounds survived kill -9 in ${r.seconds} s; ` +
      `${r.writesAcknowledged} writes acknowledged, ${r.writesVerified} verified; ` +
      `${r.importsChecked} imports checked (${r.importsApplied} applied whole, the rest absent whole)`,
    ...r.failures.slice(0, 30).map((f) => `  ✗ ${f}`),
  ].join("\n");
}
