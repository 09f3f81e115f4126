import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { build } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

interface Preview {
  uploadId: string;
  encoding: string | null;
  detectedEncoding: string | null;
  lineEnding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: { line: number; cells: string[] }[];
  rowCount: number;
  targets: { name: string; required: boolean }[];
}
interface RowError {
  line: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}
interface Run {
  id: string;
  status: string;
  progress: { phase: string; percent: number };
  counts: Record<string, number>;
  createdIds?: Record<string, string[]>;
  errors: RowError[];
  mapping: { name: string | null; columns: { column: string; field: string }[] };
  startedByName: string | null;
  filename: string;
  encoding: string | null;
}

/** A browser-like session for raw uploads, which the JSON client cannot send. */
async function rawSession(app: FastifyInstance, email: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ email, password: testPassword }),
  });
  const header = res.headers["set-cookie"];
  return {
    cookie: String(Array.isArray(header) ? header[0] : header).split(";")[0] ?? "",
    csrf: (res.json() as { csrfToken: string }).csrfToken,
  };
}

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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dialects)("imports and exports on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
  });
  afterAll(async () => world?.close());

  async function upload(
    who: "officer" | "analyst" | "readonly" | "mandate_holder",
    query: Record<string, string>,
    bytes: Buffer,
    contentType = "text/csv",
  ) {
    let s = sessions.get(who);
    if (!s) {
      s = await rawSession(world.app, `${who}@test.example`);
      sessions.set(who, s);
    }
    const res = await world.app.inject({
      method: "POST",
      url: `/api/v1/imports/preview?${new URLSearchParams({ mandateId: world.mandateId, ...query })}`,
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": contentType },
      payload: bytes,
    });
    return { status: res.statusCode, body: res.json() as Preview & { error?: { code: string } } };
  }

  async function finished(client: ApiClient, id: string): Promise<Run> {
    for (let i = 0; i < 1200; i++) {
      const res = await client.get<Run>(`/api/v1/imports/${id}`);
      expect(res.status).toBe(200);
      if (res.body.status !== "running") return res.body;
      await sleep(25);
    }
    throw new Error(`import ${id} did not finish`);
  }

  const recommendationsOf = async (client: ApiClient, q: string) =>
    (
      await client.get<{ items: Record<string, unknown>[] }>(
        `/api/v1/recommendations?mandateId=${world.mandateId}&q=${encodeURIComponent(q)}&limit=200`,
      )
    ).body.items;

  it("a Windows-1252 CSV with CRLF lines is previewed: encoding, line endings, delimiter, headers, first rows", async () => {
    const text = `${recommendationHeader}\r\nUPR,,State,PRK,"Ratify the “Convention” – café",FRA,Accepted,UPR 33,2019-05-09\r\n`;
    const res = await upload(
      "officer",
      { type: "recommendations", filename: "upr.csv" },
      iconv.encode(text, "windows-1252"),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      encoding: "windows-1252",
      detectedEncoding: "windows-1252",
      lineEnding: "crlf",
      delimiter: ",",
      rowCount: 1,
    });
    expect(res.body.headers).toEqual(recommendationHeader.split(","));
    expect(res.body.rows[0]).toEqual({
      line: 2,
      cells: [
        "UPR",
        "",
        "State",
        "PRK",
        "Ratify the “Convention” – café",
        "FRA",
        "Accepted",
        "UPR 33",
        "2019-05-09",
      ],
    });
    expect(res.body.targets.find((t) => t.name === "text")).toMatchObject({ required: true });
    expect(res.body.targets.map((t) => t.name)).not.toContain("status");
  });

  it("a Mac Roman file is detected as such, and reading it as Windows-1252 on request changes what the preview shows", async () => {
    const text = `${recommendationHeader}\rUPR,,State,PRK,Café “Müller” ©,FRA,Noted,UPR 33,2019-05-09\r`;
    const bytes = iconv.encode(text, "macintosh");
    const guessed = await upload("officer", { type: "recommendations" }, bytes);
    expect(guessed.body).toMatchObject({ encoding: "macintosh", lineEnding: "cr" });
    expect(guessed.body.rows[0]?.cells[4]).toBe("Café “Müller” ©");
    const chosen = await upload("officer", { type: "recommendations", encoding: "windows-1252" }, bytes);
    expect(chosen.body).toMatchObject({ encoding: "windows-1252", detectedEncoding: "macintosh" });
    expect(chosen.body.rows[0]?.cells[4]).not.toBe("Café “Müller” ©");
  });

  it("a dry run lists each bad cell by line, column and field in the caller's language, and writes nothing", async () => {
    const text = [
      recommendationHeader,
      "UPR,,State,PRK,Release all detainees held for leaving the country,FRA,Accepted,UPR 33,2019-05-09",
      'upr,,State,,"Missing country, with a comma",DEU,accepted,UPR 33,2019-05-09',
      '"Treaty body",,Galaxy,PRK,"A multi-line\ntext that spans lines",,,CCPR,2019-13-01',
      "UPR,,State,PRK,,KOR,Maybe,UPR 33,",
    ].join("\n");
    const preview = await upload(
      "officer",
      { type: "recommendations", filename: "bad.csv" },
      Buffer.from(text),
    );
    expect(preview.body.rowCount).toBe(4);
    const res = await officer.post<{ ok: boolean; rows: number; errors: RowError[] }>(
      "/api/v1/imports/dry-run",
      { uploadId: preview.body.uploadId, mapping: recommendationMapping },
      { "accept-language": "ko" },
    );
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const where = res.body.errors.map((e) => `${e.line} ${e.column} ${e.field} ${e.code}`);
    expect(where).toEqual([
      "3 Country addresseeCountry field.required",
      "4 Addressee addresseeKind field.invalid_value",
      "4 Issued on issuedOn field.invalid_date",
      "6 Text text field.required",
      "6 Response response field.invalid_value",
    ]);
    expect(res.body.errors[0]?.message).toBe("필수 항목입니다.");
    expect(await recommendationsOf(officer, "detainees")).toHaveLength(0);
  });

  it("a commit writes every row in one transaction, and its report names counts, ids, mapping, who and when", async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `UPR,${i + 1},State,PRK,"Close the holding centre nº ${i} near the border",FRA,Accepted,UPR 33,2019-05-09`,
    );
    const text = [recommendationHeader, ...rows, ""].join("\r\n");
    const preview = await upload(
      "officer",
      { type: "recommendations", filename: "upr-33.csv" },
      Buffer.from(text),
    );
    const saved = await officer.post("/api/v1/import-mappings", {
      mandateId: world.mandateId,
      type: "recommendations",
      name: "UPR matrix",
      ...recommendationMapping,
    });
    expect(saved.status).toBe(201);
    const started = await officer.post<{ id: string }>("/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping: recommendationMapping,
      mappingName: "UPR matrix",
    });
    expect(started.status).toBe(202);
    const run = await finished(officer, started.body.id);
    expect(run).toMatchObject({
      status: "succeeded",
      counts: { recommendations: 30 },
      filename: "upr-33.csv",
      encoding: "utf-8",
      startedByName: "officer",
      progress: { phase: "done", percent: 100 },
      mapping: { name: "UPR matrix", columns: recommendationMapping.columns },
    });
    expect(run.createdIds?.recommendations).toHaveLength(30);
    const found = await recommendationsOf(officer, "holding centre nº");
    expect(found).toHaveLength(30);
    expect(found.map((r) => r.id).sort()).toEqual([...(run.createdIds?.recommendations ?? [])].sort());
    expect(found[0]).toMatchObject({
      sourceBody: "upr",
      addresseeKind: "state",
      response: "accepted",
      status: "no_information",
    });
    // Imported recommendations are found by search at once, like those written one by one.
    const searched = await officer.get<{ total: number; items: { recordType: string }[] }>(
      `/api/v1/search?mandateId=${world.mandateId}&q=${encodeURIComponent("holding centre")}&type=recommendation`,
    );
    expect(searched.body.total).toBe(30);
    // The upload is gone with the commit: its file, and its id.
    expect(existsSync(path.join(world.deps.config.dataDir, "imports", preview.body.uploadId))).toBe(false);
    const again = await officer.post("/api/v1/imports/dry-run", {
      uploadId: preview.body.uploadId,
      mapping: recommendationMapping,
    });
    expect(again.status).toBe(404);
    // Listed among the mandate's imports, and audited.
    const list = await officer.get<{ items: Run[] }>(`/api/v1/imports?mandateId=${world.mandateId}`);
    expect(list.body.items.map((r) => r.id)).toContain(run.id);
    const holder = await world.as("mandate_holder");
    const audit = await holder.get<{ items: { action: string }[] }>(`/api/v1/audit?recordId=${run.id}`);
    expect(audit.body.items.map((a) => a.action)).toContain("import");
  });

  it("a commit with one bad row writes nothing, and the run keeps the error for its report", async () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      i === 13
        ? "UPR,,State,PRK,Abolish the songbun system,FRA,Accepted,UPR 33,2019-02-30"
        : `UPR,,State,PRK,Abolish collective punishment ${i},FRA,Accepted,UPR 33,2019-05-09`,
    );
    const preview = await upload(
      "officer",
      { type: "recommendations", filename: "one-bad.csv" },
      Buffer.from([recommendationHeader, ...rows].join("\n")),
    );
    const started = await officer.post<{ id: string }>("/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping: recommendationMapping,
    });
    const run = await finished(officer, started.body.id);
    expect(run.status).toBe("failed");
    expect(run.errors).toEqual([
      {
        line: 15,
        column: "Issued on",
        field: "issuedOn",
        code: "field.invalid_date",
        message: expect.any(String),
      },
    ]);
    expect(await recommendationsOf(officer, "collective punishment")).toHaveLength(0);
    // A run that wrote nothing frees its upload: the same file may be committed again.
    const retry = await officer.post<{ id: string }>("/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping: recommendationMapping,
    });
    expect(retry.status).toBe(202);
    expect((await finished(officer, retry.body.id)).status).toBe("failed");
  });

  it("a file is committed once: a second commit of the same upload while the first runs is refused", async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `UPR,,State,PRK,Double click ${i},FRA,Accepted,UPR 33,2019-05-09`,
    );
    const preview = await upload(
      "officer",
      { type: "recommendations" },
      Buffer.from([recommendationHeader, ...rows].join("\n")),
    );
    const body = { uploadId: preview.body.uploadId, mapping: recommendationMapping };
    const [a, b] = await Promise.all([
      officer.post<{ id: string }>("/api/v1/imports", body),
      officer.post<{ id: string }>("/api/v1/imports", body),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const first = a.status === 202 ? a : b;
    expect((await finished(officer, first.body.id)).status).toBe("succeeded");
    expect(await recommendationsOf(officer, "Double click")).toHaveLength(200);
  });

  it("a mapping that misses a required field, or names a column the file lacks, is refused before anything runs", async () => {
    const preview = await upload(
      "officer",
      { type: "recommendations" },
      Buffer.from(`${recommendationHeader}\n`),
    );
    const res = await officer.post<{ error: { fields: Record<string, { code: string }> } }>(
      "/api/v1/imports",
      {
        uploadId: preview.body.uploadId,
        mapping: {
          columns: [
            { column: "Source body", field: "sourceBody" },
            { column: "Nope", field: "theme" },
            { column: "Text", field: "status" },
          ],
        },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({
      "mapping.columns.1.column": { code: "field.import_no_column" },
      "mapping.columns.2.field": { code: "field.unknown" },
      "mapping.text": { code: "field.required" },
      "mapping.addresseeKind": { code: "field.required" },
    });
  });

  it("an acts file carrying event columns groups rows into events by the key column; victims are named by code", async () => {
    const victim = await officer.post<{ id: string; code: string }>(
      "/api/v1/persons",
      build.person(world.mandateId, { code: "W-IMP-0001" }),
    );
    const text = [
      "Incident,Event title,Event start,Victim,Act type,Act date,Consequences",
      'INC-1,Forced return at Sinuiju,2016-05,W-IMP-0001,"Detention, imprisonment",2016-05-12,Held 40 days',
      "INC-1,,,W-IMP-0001,030102000000,about 2016,Questioned",
      'INC-2,Raid on a market,2017,,"Detention, imprisonment",2017,',
      "INC-2,,,,030102000000,2017-03,Fined",
    ].join("\n");
    const mapping = {
      columns: [
        { column: "Event title", field: "event.title" },
        { column: "Event start", field: "event.startDate" },
        { column: "Victim", field: "victimId" },
        { column: "Act type", field: "actType" },
        { column: "Act date", field: "actDate" },
        { column: "Consequences", field: "consequences" },
      ],
      eventKey: "Incident",
    };
    const preview = await upload("officer", { type: "acts", filename: "acts.csv" }, Buffer.from(text));
    const dry = await officer.post<{ ok: boolean; counts: Record<string, number>; errors: RowError[] }>(
      "/api/v1/imports/dry-run",
      { uploadId: preview.body.uploadId, mapping },
    );
    expect(dry.body).toMatchObject({ ok: true, counts: { acts: 4, events: 2 }, errors: [] });
    const started = await officer.post<{ id: string }>("/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping,
    });
    const run = await finished(officer, started.body.id);
    expect(run).toMatchObject({ status: "succeeded", counts: { events: 2, acts: 4 } });
    const acts = await Promise.all(
      (run.createdIds?.acts ?? []).map(
        async (id) => (await officer.get<Record<string, unknown>>(`/api/v1/acts/${id}`)).body,
      ),
    );
    expect(new Set(acts.map((a) => a.eventId)).size).toBe(2);
    expect(acts[0]).toMatchObject({
      victimId: victim.body.id,
      actDate: { value: "2016-05-12", precision: "day" },
    });
    expect(acts[1]).toMatchObject({ actDate: { value: "2016", precision: "approximate" } });
    const event = await officer.get<Record<string, unknown>>(`/api/v1/events/${acts[0]?.eventId}`);
    expect(event.body).toMatchObject({
      title: "Forced return at Sinuiju",
      startDate: { value: "2016-05", precision: "month" },
    });

    const conflicting = text.replace("INC-1,,,W-IMP-0001", "INC-1,Another title,,W-IMP-0001");
    const bad = await upload("officer", { type: "acts" }, Buffer.from(conflicting));
    const check = await officer.post<{ errors: RowError[] }>("/api/v1/imports/dry-run", {
      uploadId: bad.body.uploadId,
      mapping,
    });
    expect(check.body.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: "Event title",
        field: "event.title",
        code: "field.import_event_conflict",
      }),
    ]);
  });

  it("sources and events import with their dates, lists and enumerations as people write them", async () => {
    const sources = [
      "Kind;Title;Date;Languages;Consent;Risk;Summary",
      'interview;Interview in Seoul;2017-07-18;"ko; en";Anonymised public;High;"Crossed the river in winter; caught in Tumen"',
      "Document;NGO submission;about 2016;en;internal;none;",
    ].join("\n");
    const preview = await upload(
      "officer",
      { type: "sources", filename: "sources.csv" },
      Buffer.from(sources),
    );
    expect(preview.body.delimiter).toBe(";");
    const mapping = {
      columns: [
        { column: "Kind", field: "kind" },
        { column: "Title", field: "title" },
        { column: "Date", field: "sourceDate" },
        { column: "Languages", field: "languages" },
        { column: "Consent", field: "consentScope" },
        { column: "Risk", field: "reprisalRisk" },
        { column: "Summary", field: "summary" },
      ],
    };
    const started = await officer.post<{ id: string }>("/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping,
    });
    const run = await finished(officer, started.body.id);
    expect(run).toMatchObject({ status: "succeeded", counts: { sources: 2 } });
    const [first, second] = await Promise.all(
      (run.createdIds?.sources ?? []).map(
        async (id) => (await officer.get<Record<string, unknown>>(`/api/v1/sources/${id}`)).body,
      ),
    );
    expect(first).toMatchObject({
      kind: "interview",
      sourceDate: { value: "2017-07-18", precision: "day" },
      languages: ["ko", "en"],
      consentScope: "anonymised_public",
      reprisalRisk: "high",
      confidentiality: "confidential",
    });
    expect(second).toMatchObject({
      kind: "document",
      sourceDate: { value: "2016", precision: "approximate" },
    });

    const events = [
      "Title\tStart\tEnd\tLevel",
      "Raid\t2016-05\t2016-04\tinternal",
      "Famine\t1995\t1998\tsecret",
    ].join("\r\n");
    const eventsPreview = await upload("officer", { type: "events" }, Buffer.from(events));
    const check = await officer.post<{ errors: RowError[] }>("/api/v1/imports/dry-run", {
      uploadId: eventsPreview.body.uploadId,
      mapping: {
        columns: [
          { column: "Title", field: "title" },
          { column: "Start", field: "startDate" },
          { column: "End", field: "endDate" },
          { column: "Level", field: "confidentiality" },
        ],
      },
    });
    expect(check.body.errors.map((e) => `${e.line} ${e.column} ${e.code}`)).toEqual([
      "2 End field.invalid",
      "3 Level field.invalid_value",
    ]);
  });

  it("an XLSX of persons is imported; vocabulary terms may be given by their label", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("People");
    sheet.addRow(["Code", "Kind", "Sex", "Year of birth", "Nationality", "Notes"]);
    sheet.addRow(["X-2019-001", "individual", "Female", 1985, "prk", "탈북 후 중국에서 체포"]);
    sheet.addRow(["X-2019-002", "Individual", "020000000000", 1990, "PRK", "Crossed near Hoeryong"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(
      "officer",
      { type: "persons", filename: "people.xlsx" },
      bytes,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(preview.body).toMatchObject({
      encoding: null,
      rowCount: 2,
      headers: ["Code", "Kind", "Sex", "Year of birth", "Nationality", "Notes"],
    });
    const mapping = {
      columns: [
        { column: "Code", field: "code" },
        { column: "Kind", field: "kind" },
        { column: "Sex", field: "sex" },
        { column: "Year of birth", field: "birthYear" },
        { column: "Nationality", field: "nationality" },
        { column: "Notes", field: "notes" },
      ],
    };
    const started = await officer.post<{ id: string }>("/api/v1/imports", {
      uploadId: preview.body.uploadId,
      mapping,
    });
    const run = await finished(officer, started.body.id);
    expect(run).toMatchObject({ status: "succeeded", counts: { persons: 2 } });
    const person = await officer.get<Record<string, unknown>>(
      `/api/v1/persons/${run.createdIds?.persons?.[0]}`,
    );
    expect(person.body).toMatchObject({
      code: "X-2019-001",
      sex: "020000000000",
      birthYear: 1985,
      nationality: "PRK",
    });
  });

  it("saved mappings are listed per mandate and type, replaced by name, and only writers save them", async () => {
    const body = {
      mandateId: world.mandateId,
      type: "persons",
      name: "Roster",
      columns: [{ column: "Code", field: "code" }],
    };
    expect((await officer.post("/api/v1/import-mappings", body)).status).toBe(201);
    const replaced = await officer.post<{ columns: unknown[] }>("/api/v1/import-mappings", {
      ...body,
      columns: [
        { column: "Code", field: "code" },
        { column: "Kind", field: "kind" },
      ],
    });
    expect(replaced.body.columns).toHaveLength(2);
    const list = await officer.get<{ items: { name: string; type: string }[] }>(
      `/api/v1/import-mappings?mandateId=${world.mandateId}&type=persons`,
    );
    expect(list.body.items.filter((m) => m.name === "Roster")).toHaveLength(1);
    expect(list.body.items.every((m) => m.type === "persons")).toBe(true);
    const readonly = await world.as("readonly");
    expect((await readonly.post("/api/v1/import-mappings", { ...body, name: "Mine" })).status).toBe(403);
    const unknown = await officer.post<{ error: { fields: Record<string, unknown> } }>(
      "/api/v1/import-mappings",
      {
        ...body,
        columns: [{ column: "Code", field: "legalName" }],
      },
    );
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error.fields)).toEqual(["columns.0.field"]);
  });

  it("uploads are the uploader's own; runs are readable by the mandate's members only; read-only members cannot upload", async () => {
    const preview = await upload(
      "officer",
      { type: "recommendations" },
      Buffer.from(`${recommendationHeader}\n`),
    );
    const holder = await world.as("mandate_holder");
    const other = await holder.post<{ error: { code: string } }>("/api/v1/imports/dry-run", {
      uploadId: preview.body.uploadId,
      mapping: recommendationMapping,
    });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("imports.not_found");
    expect((await upload("readonly", { type: "recommendations" }, Buffer.from("a\n1\n"))).status).toBe(403);
    const runs = await officer.get<{ items: Run[] }>(`/api/v1/imports?mandateId=${world.mandateId}`);
    const outsider = await world.as("outsider");
    const seen = await outsider.get(`/api/v1/imports/${runs.body.items[0]?.id}`);
    expect(seen.status).toBe(404);
  });

  it("uploads older than 24 hours are deleted, file and all", async () => {
    const preview = await upload(
      "officer",
      { type: "recommendations" },
      Buffer.from(`${recommendationHeader}\n`),
    );
    const file = path.join(world.deps.config.dataDir, "imports", preview.body.uploadId);
    expect(existsSync(file)).toBe(true);
    await world.deps.db
      .updateTable("import_uploads")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", preview.body.uploadId)
      .execute();
    await upload("officer", { type: "recommendations" }, Buffer.from(`${recommendationHeader}\n`));
    expect(existsSync(file)).toBe(false);
  });

  it("exports give only readable records, formula-safe, in CSV and XLSX; read-only members do not export", async () => {
    const analyst = await world.as("analyst");
    const secret = await officer.post<{ id: string }>("/api/v1/recommendations", {
      mandateId: world.mandateId,
      confidentiality: "strictly_confidential",
      sourceBody: "this_mandate",
      addresseeKind: "state",
      addresseeCountry: "CHN",
      text: '=HYPERLINK("http://evil.example") stop refoulement',
    });
    expect(secret.status).toBe(201);
    const mine = await officer.get(`/api/v1/exports/recommendations.csv?mandateId=${world.mandateId}`);
    expect(mine.status).toBe(200);
    expect(String(mine.headers["content-type"])).toMatch(/^text\/csv/);
    const csv = mine.raw.body;
    expect(csv.startsWith("\uFEFFid,sourceBody,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") stop refoulement"`);
    expect(csv).toContain("Close the holding centre nº 7 near the border");
    const theirs = await analyst.get(`/api/v1/exports/recommendations.csv?mandateId=${world.mandateId}`);
    expect(theirs.raw.body).not.toContain(secret.body.id);
    expect(theirs.raw.body).toContain("Close the holding centre nº 7 near the border");
    const xlsx = await world.app.inject({
      method: "GET",
      url: `/api/v1/exports/recommendations.xlsx?mandateId=${world.mandateId}`,
      headers: { cookie: (await rawSession(world.app, "officer@test.example")).cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const texts: string[] = [];
    sheet?.eachRow((row) => texts.push(String(row.getCell(9).value ?? "")));
    expect(texts[0]).toBe("text");
    expect(texts).toContain('\'=HYPERLINK("http://evil.example") stop refoulement');
    const readonly = await world.as("readonly");
    expect(
      (await readonly.get(`/api/v1/exports/recommendations.csv?mandateId=${world.mandateId}`)).status,
    ).toBe(403);
  });

  it("identifying data is exported only on explicit request, to roles with the right, each person's reveal audited", async () => {
    const person = await officer.post<{ id: string }>(
      "/api/v1/persons",
      build.person(world.mandateId, { code: "ID-EXP-1" }),
    );
    await officer.put(`/api/v1/persons/${person.body.id}/identity`, {
      legalName: "Kim Young-hee",
      aliases: ["Mrs K"],
    });
    const plain = await officer.get(`/api/v1/exports/persons.csv?mandateId=${world.mandateId}`);
    expect(plain.raw.body).toContain("ID-EXP-1");
    expect(plain.raw.body).not.toContain("Kim Young-hee");
    expect(plain.raw.body).not.toContain("identity.legalName");
    const analyst = await world.as("analyst");
    const refused = await analyst.get(
      `/api/v1/exports/persons.csv?mandateId=${world.mandateId}&includeIdentity=1`,
    );
    expect(refused.status).toBe(403);
    const full = await officer.get(
      `/api/v1/exports/persons.csv?mandateId=${world.mandateId}&includeIdentity=1`,
    );
    expect(full.status).toBe(200);
    expect(full.raw.body).toContain("identity.legalName");
    const line = full.raw.body.split("\r\n").find((l) => l.includes("ID-EXP-1"));
    expect(line).toContain("Kim Young-hee");
    expect(line).toContain("Mrs K");
    const holder = await world.as("mandate_holder");
    const audit = await holder.get<{ items: { action: string }[] }>(
      `/api/v1/audit?recordId=${person.body.id}`,
    );
    expect(audit.body.items.map((a) => a.action)).toContain("identity.read");
  });

  it("an export read back by the import gives the same values (the formula guard comes off)", async () => {
    const csv = (await officer.get(`/api/v1/exports/recommendations.csv?mandateId=${world.mandateId}`)).raw
      .body;
    const preview = await upload(
      "officer",
      { type: "recommendations", filename: "roundtrip.csv" },
      Buffer.from(csv),
    );
    expect(preview.body).toMatchObject({ encoding: "utf-8", lineEnding: "crlf" });
    const mapping = {
      columns: ["sourceBody", "paragraph", "addresseeKind", "addresseeCountry", "text", "issuedOn"].map(
        (f) => ({
          column: f,
          field: f,
        }),
      ),
    };
    const dry = await officer.post<{ ok: boolean; errors: RowError[]; rows: number }>(
      "/api/v1/imports/dry-run",
      {
        uploadId: preview.body.uploadId,
        mapping,
      },
    );
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.rows).toBe(preview.body.rowCount);
  });
});
