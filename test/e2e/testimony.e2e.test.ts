import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn as signInApi } from "../support/api-client.js";
import { axeViolations } from "../support/axe.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  screenshotDir,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";
import type { TestDeps } from "../support/test-deps.js";

const shots = screenshotDir;
const detention = "030102000000";
const refoulement = "380101000000";
const intelligence = "010106000000";
const direct = "010100000000";
const high = "010000000000";

describeInBrowser("recording a testimony in one flow", () => {
  let deps: TestDeps;
  let base: string;

  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    ({ deps, base } = world);
  });
  afterAll(async () => world?.close());

  const signIn = (email: string, language: "en" | "ko" = "en") => signInPage(world, email, language);

  /** Picks a vocabulary term by its code once the list has loaded. */
  async function pickTerm(page: Page, selector: string, code: string) {
    await page.locator(`${selector} option[value='${code}']`).waitFor({ state: "attached" });
    await page.locator(selector).selectOption(code);
  }

  it("an officer records a testimony with a new person, one event, two acts and a perpetrator; a reload loses nothing", async () => {
    const page = await signIn("officer@demo.test");
    await expect(
      page.getByRole("main").getByRole("link", { name: "Record a testimony" }).count(),
    ).resolves.toBe(1);
    await page.getByRole("navigation").getByRole("link", { name: "Record a testimony" }).click();
    await page.getByRole("heading", { level: 1, name: "Record a testimony" }).waitFor();

    const interview = page.getByRole("group", { name: "1. The interview" });
    await interview.getByLabel("Title *").fill("Interview with W-2017-901 in Seoul");
    await interview.getByLabel("Date", { exact: true }).fill("2017-07-12");
    await interview.getByLabel("Interviewer", { exact: true }).fill("Officer Kim");
    await interview.getByLabel("Languages").fill("ko, en");
    await interview.getByLabel("Consent scope *").selectOption("anonymised_public");
    await interview.getByLabel("Reprisal risk *").selectOption("high");

    const person = page.getByRole("group", { name: "2. The person interviewed" });
    await person.getByLabel("Code *").fill("W-2017-01");
    const suggestions = page.getByRole("complementary", { name: "Already recorded and similar" });
    await suggestions.getByRole("link", { name: "W-2017-011" }).waitFor();
    await person.getByLabel("Code *").fill("W-2017-901");
    await person.getByLabel("Year of birth", { exact: true }).fill("1985");

    const event = page.getByRole("group", { name: "Event 1", exact: true });
    await event.getByLabel("Title *").fill("Detention after forced return, 2016");
    await event.getByLabel("Start date").fill("2016");
    await pickTerm(page, "#t-e0-reliability", high);

    await pickTerm(page, "#t-e0-a0-actType", detention);
    await page.locator("#t-e0-a0-actDate").fill("about 2016");
    await page
      .getByRole("group", { name: "Act 1 of event 1", exact: true })
      .getByLabel("Search Places")
      .fill("Hoeryong");
    const place = (
      await deps.db
        .selectFrom("places")
        .select("id")
        .where("name_en", "=", "Hoeryong City")
        .executeTakeFirstOrThrow()
    ).id;
    await pickTerm(page, "#t-e0-a0-placeId", place);

    await page.getByRole("button", { name: "Add a perpetrator to act 1 of event 1" }).click();
    const perpetrator = page.getByRole("group", { name: "Perpetrator 1 of act 1 of event 1", exact: true });
    await perpetrator.getByLabel("Perpetrator (unit or organisation)").fill("Ministry of State Security");
    await pickTerm(page, "#t-e0-a0-p0-perpetratorType", intelligence);
    await pickTerm(page, "#t-e0-a0-p0-degree", direct);

    await page.getByRole("button", { name: "Add an act to event 1" }).click();
    await pickTerm(page, "#t-e0-a1-actType", refoulement);
    await page.locator("#t-e0-a1-actDate").fill("2016-03");

    await page.reload();
    await page.getByText("Your unsaved testimony from earlier was restored.").waitFor();
    await expect(interview.getByLabel("Title *").inputValue()).resolves.toBe(
      "Interview with W-2017-901 in Seoul",
    );
    await expect(person.getByLabel("Code *").inputValue()).resolves.toBe("W-2017-901");
    await expect(page.locator("#t-e0-a0-actDate").inputValue()).resolves.toBe("about 2016");
    await expect(page.locator("#t-e0-a1-actDate").inputValue()).resolves.toBe("2016-03");
    await expect(page.locator("#t-e0-a1-actType").inputValue()).resolves.toBe(refoulement);
    await expect(perpetrator.getByLabel("Perpetrator (unit or organisation)").inputValue()).resolves.toBe(
      "Ministry of State Security",
    );
    await expect(page.locator("#t-e0-a0-placeId").inputValue()).resolves.toBe(place);

    await page.screenshot({ path: `${shots}/testimony-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Save the testimony" }).click();
    await page.getByRole("heading", { level: 1, name: "Interview with W-2017-901 in Seoul" }).waitFor();
    expect(page.url()).toMatch(/\/app\/sources\/[0-9a-f-]+$/);
    const links = page.getByRole("region", { name: "Information links (Source)" });
    await expect.poll(() => links.getByRole("listitem").count()).toBe(3);
    await links.getByRole("link", { name: /Event/ }).waitFor();
    await expect(links.getByRole("link", { name: /^Act/ }).count()).resolves.toBe(2);
    await expect(page.evaluate(() => localStorage.getItem("rapporteur.testimony.draft"))).resolves.toBeNull();

    const sourceId = page.url().split("/").pop() ?? "";
    const db = deps.db;
    const personRow = await db
      .selectFrom("persons")
      .select("id")
      .where("code", "=", "W-2017-901")
      .executeTakeFirstOrThrow();
    const source = await db
      .selectFrom("sources")
      .selectAll()
      .where("id", "=", sourceId)
      .executeTakeFirstOrThrow();
    expect(source.interviewee_id).toBe(personRow.id);
    expect(source.reprisal_risk).toBe("high");
    const eventRow = await db
      .selectFrom("events")
      .select("id")
      .where("title", "=", "Detention after forced return, 2016")
      .executeTakeFirstOrThrow();
    const acts = await db.selectFrom("acts").selectAll().where("event_id", "=", eventRow.id).execute();
    expect(acts.map((a) => a.act_type).sort()).toEqual([detention, refoulement].sort());
    for (const a of acts) expect(a.victim_id).toBe(personRow.id);
    const held = acts.find((a) => a.act_type === detention);
    expect([held?.act_date, held?.act_date_precision]).toEqual(["2016", "approximate"]);
    const involvements = await db
      .selectFrom("involvements")
      .selectAll()
      .where("act_id", "=", held?.id ?? "")
      .execute();
    expect(involvements.map((i) => [i.perpetrator_name, i.perpetrator_type, i.degree])).toEqual([
      ["Ministry of State Security", intelligence, direct],
    ]);
    const infoLinks = await db
      .selectFrom("information_links")
      .selectAll()
      .where("source_id", "=", sourceId)
      .execute();
    expect(infoLinks.map((l) => l.target_id).sort()).toEqual([eventRow.id, ...acts.map((a) => a.id)].sort());
    expect(infoLinks.find((l) => l.target_id === eventRow.id)?.reliability).toBe(high);
    await page.context().close();
  });

  it("a date typed wrongly is flagged before sending; a code already taken is shown next to it; fixed, the retry saves", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/testimony/new`);
    const interview = page.getByRole("group", { name: "1. The interview" });
    await interview.getByLabel("Title *").fill("Interview with a date typo");
    await page
      .getByRole("group", { name: "2. The person interviewed" })
      .getByLabel("Code *")
      .fill("W-2017-011");
    const event = page.getByRole("group", { name: "Event 1", exact: true });
    await event.getByLabel("Title *").fill("Event with a date typo");
    await event.getByLabel("Start date").fill("2016-13");
    await pickTerm(page, "#t-e0-a0-actType", detention);
    await page.getByRole("button", { name: "Save the testimony" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe(
      "Some fields need correcting before anything is sent.",
    );
    await expect(page.locator("#t-e0-startDate-error").textContent()).resolves.toBe(
      "Use 2016, 2016-05, 2016-05-12 or “about 2015”.",
    );
    await expect(page.locator("#t-e0-startDate").getAttribute("aria-invalid")).resolves.toBe("true");
    const typo = await deps.db
      .selectFrom("sources")
      .select("id")
      .where("title", "=", "Interview with a date typo")
      .execute();
    expect(typo).toEqual([]);

    await event.getByLabel("Start date").fill("2016-12");
    await page.getByRole("button", { name: "Save the testimony" }).click();
    await page.locator("#t-person-code-error").waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("2. The person interviewed");
    await page
      .getByRole("group", { name: "2. The person interviewed" })
      .getByLabel("Code *")
      .fill("W-2017-902");
    await page.getByRole("button", { name: "Save the testimony" }).click();
    await page.getByRole("heading", { level: 1, name: "Interview with a date typo" }).waitFor();
    const persons = await deps.db
      .selectFrom("persons")
      .select("id")
      .where("code", "=", "W-2017-902")
      .execute();
    expect(persons).toHaveLength(1);
    await page.context().close();
  });

  it("an officer keeps a testimony strictly confidential and to herself: the holder and a reader are told it does not exist", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/testimony/new`);
    const interview = page.getByRole("group", { name: "1. The interview" });
    const person = page.getByRole("group", { name: "2. The person interviewed" });
    const event = page.getByRole("group", { name: "Event 1", exact: true });
    // Each record starts at its type's default level.
    await expect(interview.getByLabel("Confidentiality").inputValue()).resolves.toBe("confidential");
    await expect(person.getByLabel("Confidentiality").inputValue()).resolves.toBe("confidential");
    await expect(event.getByLabel("Confidentiality").inputValue()).resolves.toBe("internal");

    await interview.getByLabel("Title *").fill("Interview kept to its author");
    await interview.getByLabel("Confidentiality").selectOption("strictly_confidential");
    await interview.getByText("This level protects the witness's account").waitFor();
    await interview.getByLabel("Only named members may see this record").check();
    await interview.getByLabel(/Demo Human Rights Officer/).check();
    await person.getByLabel("Code *").fill("W-2017-903");
    await event.getByLabel("Title *").fill("Interrogation told only to the officer");
    await event.getByLabel("Confidentiality").selectOption("confidential");
    await pickTerm(page, "#t-e0-a0-actType", detention);

    await page.reload();
    await page.getByText("Your unsaved testimony from earlier was restored.").waitFor();
    await expect(interview.getByLabel("Confidentiality").inputValue()).resolves.toBe("strictly_confidential");
    await expect(interview.getByLabel("Only named members may see this record").isChecked()).resolves.toBe(
      true,
    );
    await expect(interview.getByLabel(/Demo Human Rights Officer/).isChecked()).resolves.toBe(true);
    await expect(event.getByLabel("Confidentiality").inputValue()).resolves.toBe("confidential");
    await expectAccessible(page, "testimony-restricted-en");

    await page.getByRole("button", { name: "Save the testimony" }).click();
    await page.getByRole("heading", { level: 1, name: "Interview kept to its author" }).waitFor();
    await expect(page.locator(".page-head .badge").textContent()).resolves.toBe("Strictly confidential");
    const sourceId = page.url().split("/").pop() ?? "";

    const password = deps.config.demoPassword;
    const officer = await signInApi(world.app, "officer@demo.test", password);
    const source = await officer.get(`/api/v1/sources/${sourceId}`);
    expect([source.status, source.body.confidentiality, source.body.restrictedTo]).toEqual([
      200,
      "strictly_confidential",
      [officer.userId],
    ]);
    // What the interview tells about the event and act is the witness's account too: kept like the source.
    const links = await officer.get<{ items: { confidentiality: string; restrictedTo: string[] | null }[] }>(
      `/api/v1/information-links?sourceId=${sourceId}`,
    );
    expect(links.body.items.map((l) => [l.confidentiality, l.restrictedTo])).toEqual([
      ["strictly_confidential", [officer.userId]],
      ["strictly_confidential", [officer.userId]],
    ]);
    const eventRow = await deps.db
      .selectFrom("events")
      .select(["id", "confidentiality"])
      .where("title", "=", "Interrogation told only to the officer")
      .executeTakeFirstOrThrow();
    const acts = await deps.db
      .selectFrom("acts")
      .select("confidentiality")
      .where("event_id", "=", eventRow.id)
      .execute();
    expect([eventRow.confidentiality, ...acts.map((a) => a.confidentiality)]).toEqual([
      "confidential",
      "confidential",
    ]);

    for (const email of ["holder@demo.test", "readonly@demo.test"]) {
      const other = await signInApi(world.app, email, password);
      await expect(other.get(`/api/v1/sources/${sourceId}`).then((r) => r.status)).resolves.toBe(404);
      const found = await other.get<{ items: { id: string }[] }>(
        `/api/v1/sources?q=${encodeURIComponent("kept to its author")}`,
      );
      expect([found.status, found.body.items]).toEqual([200, []]);
      const told = await other.get<{ items: unknown[] }>(`/api/v1/information-links?sourceId=${sourceId}`);
      expect(told.body.items).toEqual([]);
    }
    const reader = await signIn("readonly@demo.test");
    await reader.goto(`${base}/app/sources/${sourceId}`);
    await expect(reader.getByRole("alert").textContent()).resolves.toBe("Not found.");
    await reader.context().close();
    await page.context().close();
  });

  it("a level above what the role may give is refused next to the field, in Korean; lowered, the retry saves", async () => {
    const page = await signIn("analyst@demo.test", "ko");
    await page.goto(`${base}/app/testimony/new`);
    const interview = page.getByRole("group", { name: "1. 면담" });
    await interview.getByLabel("제목 *").fill("분석관이 기록한 면담");
    await interview.getByLabel("기밀 등급").selectOption("strictly_confidential");
    // Analysts do not restrict records to members: the API says so, and the list is not offered.
    await expect(page.getByText("지정된 구성원만 이 기록을 볼 수 있음").count()).resolves.toBe(0);
    await page.getByRole("group", { name: "2. 면담 대상자" }).getByLabel("코드 *").fill("W-2017-904");
    await page.getByRole("group", { name: "사건 1", exact: true }).getByLabel("제목 *").fill("분석관의 사건");
    await pickTerm(page, "#t-e0-a0-actType", detention);
    await page.getByRole("button", { name: "증언 저장" }).click();
    await page.locator("#t-source-confidentiality-error").waitFor();
    await expect(page.locator("#t-source-confidentiality-error").textContent()).resolves.toBe(
      "다음 중 하나여야 합니다: public, internal, confidential.",
    );
    await expect(page.getByRole("alert").textContent()).resolves.toContain("1. 면담");
    await expectAccessible(page, "testimony-level-refused-ko");

    await interview.getByLabel("기밀 등급").selectOption("confidential");
    await page.getByRole("button", { name: "증언 저장" }).click();
    await page.getByRole("heading", { level: 1, name: "분석관이 기록한 면담" }).waitFor();
    const saved = await deps.db
      .selectFrom("sources")
      .select("confidentiality")
      .where("title", "=", "분석관이 기록한 면담")
      .execute();
    expect(saved).toEqual([{ confidentiality: "confidential" }]);
    await page.context().close();
  });

  it("the page reads in Korean and passes axe", async () => {
    const page = await signIn("officer@demo.test", "ko");
    await page.getByRole("navigation").getByRole("link", { name: "증언 기록" }).click();
    await page.getByRole("heading", { level: 1, name: "증언 기록" }).waitFor();
    await page.locator("#t-e0-a0-actType option").nth(50).waitFor({ state: "attached" });
    await page.screenshot({ path: `${shots}/testimony-ko.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
