import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

const rowCount = 50_000;
/** The bad row, as an editor shows it: the header is line 1, so it is data row 39,999. */
const badLine = 40_000;
const header =
  "Source body,Paragraph,Addressee,Country,Text,Recommending state,Response,Session,Issued on,Theme";
const mapping = {
  columns: [
    ["Source body", "sourceBody"],
    ["Paragraph", "paragraph"],
    ["Addressee", "addresseeKind"],
    ["Country", "addresseeCountry"],
    ["Text", "text"],
    ["Recommending state", "recommendingState"],
    ["Response", "response"],
    ["Session", "session"],
    ["Issued on", "issuedOn"],
    ["Theme", "theme"],
  ].map(([column, field]) => ({ column: column as string, field: field as string })),
};
const states = ["FRA", "DEU", "KOR", "JPN", "USA", "GBR", "BRA", "ZAF", "IND", "MEX"];
const themes = ["detention", "freedom of movement", "food", "family reunion", "refoulement"];

/** A UPR matrix of `rowCount` recommendations (three review cycles' worth), one of them bad when asked. */
function uprMatrix(bad: boolean): Buffer {
  const lines = [header];
  for (let i = 0; i < rowCount; i++) {
    const line = i + 2;
    const text =
      bad && line === badLine
        ? ""
        : `"Take measures to end ${themes[i % 5]} abuses, including in holding centres near the border, and report on them (${i}); 구금시설 개선"`;
    lines.push(
      `UPR,${(i % 150) + 1},State,PRK,${text},${states[i % 10]},${i % 3 ? "Accepted" : "Noted"},UPR ${19 + (i % 3) * 14},2019-05-0${(i % 9) + 1},${themes[i % 5]}`,
    );
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dialects)("a 50,000-row import on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
    const res = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "officer@test.example", password: testPassword }),
    });
    session = {
      cookie: String(res.headers["set-cookie"]).split(";")[0] ?? "",
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    };
  });
  afterAll(async () => world?.close());

  async function preview(bytes: Buffer) {
    const res = await world.app.inject({
      method: "POST",
      url: `/api/v1/imports/preview?mandateId=${world.mandateId}&type=recommendations&filename=upr-matrix.csv`,
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": "text/csv" },
      payload: bytes,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { uploadId: string; rowCount: number };
  }

  /** Commits an upload and follows the run as the web page does; `seen` keeps the progress shown on the way. */
  async function commit(uploadId: string, seen: { phase: string; percent: number }[] = []) {
    const started = await officer.post<{ id: string }>("/api/v1/imports", { uploadId, mapping });
    expect(started.status).toBe(202);
    for (;;) {
      const run = await officer.get<{
        status: string;
        progress: { phase: string; percent: number };
        counts: Record<string, number>;
        createdIds: Record<string, string[]>;
        errors: { line: number; column: string; field: string; code: string }[];
      }>(`/api/v1/imports/${started.body.id}`);
      if (run.body.status !== "running") return run.body;
      seen.push(run.body.progress);
      await sleep(50);
    }
  }

  const stored = async () =>
    Number(
      (
        await world.deps.db
          .selectFrom("recommendations")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("mandate_id", "=", world.mandateId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("a bad row at line 40,000 fails the whole file: nothing is written, the error names the line and the column", async () => {
    const upload = await preview(uprMatrix(true));
    expect(upload.rowCount).toBe(rowCount);
    const run = await commit(upload.uploadId);
    expect(run.status).toBe("failed");
    expect(run.errors).toEqual([
      expect.objectContaining({ line: badLine, column: "Text", field: "text", code: "field.required" }),
    ]);
    expect(await stored()).toBe(0);
  }, 240_000);

  it("the same file fixed imports all 50,000 rows in one transaction, its progress moving throughout (time printed, not asserted)", async () => {
    const bytes = uprMatrix(false);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const upload = await preview(bytes);
    const t1 = performance.now();
    const seen: { phase: string; percent: number }[] = [];
    const run = await commit(upload.uploadId, seen);
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    expect(run.status).toBe("succeeded");
    expect(run.counts).toEqual({ recommendations: rowCount });
    expect(run.createdIds.recommendations).toHaveLength(rowCount);
    expect(await stored()).toBe(rowCount);
    const audited = await world.deps.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("record_type", "=", "recommendation")
      .where("action", "=", "create")
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(rowCount);
    // The progress bar moves while the records are checked and written, not only while the file is read: the
    // polls are answered during the write transaction (on SQLite, from the read connection).
    const writing = seen.filter((p) => p.phase === "writing").map((p) => p.percent);
    expect(seen.some((p) => p.phase === "checking")).toBe(true);
    expect(new Set(writing).size).toBeGreaterThanOrEqual(2);
    console.log(
      `[imports] ${dialect}: ${rowCount} rows, ${(bytes.length / 1e6).toFixed(1)} MB — upload and preview ${((t1 - t0) / 1000).toFixed(2)} s, commit (read, check, write) ${((t2 - t1) / 1000).toFixed(2)} s, total ${((t2 - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU of this process`,
    );
  }, 240_000);
});
