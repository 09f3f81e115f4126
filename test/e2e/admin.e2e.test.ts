import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  startBrowserWorld,
} from "../support/e2e-world.js";
import type { TestDeps } from "../support/test-deps.js";

const mandateEn =
  "Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea (demo)";
const newcomer = {
  email: "new.officer@demo.test",
  name: "New Officer",
  password: "a long enough passphrase",
};
/** "Refoulement" in types_of_acts: used by demo acts, retired by the admin below. */
const refoulement = "380101000000";
/** "Unsure" in reliability. */
const unsure = "030000000000";

describeInBrowser("administration in a real browser: accounts, roles and vocabularies", () => {
  let deps: TestDeps;
  let browser: Browser;
  let base: string;

  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    ({ deps, browser, base } = world);
  });
  afterAll(async () => world?.close());

  async function openSignIn(language: "en" | "ko") {
    const context = await browser.newContext({
      locale: language === "ko" ? "ko-KR" : "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/app/`);
    return page;
  }

  async function fillSignIn(page: Page, email: string, password: string, language: "en" | "ko") {
    await page.getByLabel(language === "ko" ? "이메일" : "E-mail").fill(email);
    await page.getByLabel(language === "ko" ? "비밀번호" : "Password").fill(password);
    await page.getByRole("button", { name: language === "ko" ? "로그인" : "Sign in" }).click();
  }

  async function signIn(email: string, language: "en" | "ko" = "en", password = deps.config.demoPassword) {
    const page = await openSignIn(language);
    await fillSignIn(page, email, password, language);
    await page
      .getByRole("heading", { level: 1, name: language === "ko" ? "오늘 처리할 일" : "What needs me today" })
      .waitFor();
    return page;
  }

  const nav = (page: Page) => page.getByRole("navigation");

  it("an admin creates an account; a short password is refused next to the field, in Korean", async () => {
    const page = await signIn("admin@demo.test", "ko");
    await nav(page).getByRole("heading", { name: "관리" }).waitFor();
    await nav(page).getByRole("link", { name: "사용자와 역할" }).click();
    await page.getByRole("heading", { level: 1, name: "사용자와 역할" }).waitFor();
    await page.getByRole("row", { name: /holder@demo\.test/ }).waitFor();

    await page.locator("#account-email").fill(newcomer.email);
    await page.locator("#account-displayName").fill(newcomer.name);
    await page.locator("#account-password").fill("too short");
    await page.getByRole("button", { name: "계정 만들기" }).click();
    await expect(page.locator("#account-password-error").textContent()).resolves.toBe(
      "12자 이상을 사용하십시오.",
    );
    await expect(page.locator("#account-password").getAttribute("aria-describedby")).resolves.toContain(
      "account-password-error",
    );
    await expectAccessible(page, "admin-users-ko");

    await page.locator("#account-password").fill(newcomer.password);
    await page.getByRole("button", { name: "계정 만들기" }).click();
    await page.getByRole("status").filter({ hasText: "계정을 만들었습니다" }).waitFor();
    await page.getByRole("row", { name: new RegExp(newcomer.email.replace(".", "\\.")) }).waitFor();
    expect(await page.locator("#account-password-error").count()).toBe(0);

    await page.getByRole("banner").getByLabel("언어").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "Users and roles" }).waitFor();
    await expectAccessible(page, "admin-users-en");
    await page.context().close();
  });

  it("the holder gives the new account the officer role; the newcomer signs in and sees the mandate", async () => {
    const page = await signIn("holder@demo.test");
    await nav(page).getByRole("link", { name: "Users and roles" }).click();
    await page.getByRole("heading", { level: 1, name: "Users and roles" }).waitFor();
    // A holder gives roles but neither creates nor disables accounts.
    expect(await page.getByRole("heading", { name: "Create an account" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Disable/ }).count()).toBe(0);
    expect(await page.getByRole("row", { name: /new\.officer@demo\.test/ }).count()).toBe(0);

    await page.locator("#member-email").fill("nobody@demo.test");
    await page.getByRole("button", { name: "Give role", exact: true }).click();
    await expect(page.locator("#member-email-error").textContent()).resolves.toContain("No account");

    await page.locator("#member-email").fill(newcomer.email);
    await page.getByLabel("Role", { exact: true }).selectOption("officer");
    await page.getByRole("button", { name: "Give role", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${newcomer.name} is now Officer` })
      .waitFor();
    const row = page.getByRole("row", { name: /new\.officer@demo\.test/ });
    await row.waitFor();
    await expect(row.getByLabel(`Role of ${newcomer.name} in ${mandateEn}`).inputValue()).resolves.toBe(
      "officer",
    );
    await page.context().close();

    const newcomerPage = await signIn(newcomer.email, "en", newcomer.password);
    await expect(newcomerPage.locator(".top .mandate").textContent()).resolves.toBe(mandateEn);
    await nav(newcomerPage).getByRole("link", { name: "Acts" }).click();
    await newcomerPage.locator("table.records tbody tr").first().waitFor();
    expect(await nav(newcomerPage).getByRole("heading", { name: "Administration" }).count()).toBe(0);
    await newcomerPage.context().close();
  });

  it("an admin disables the account: its session ends and it can no longer sign in", async () => {
    const newcomerPage = await signIn(newcomer.email, "en", newcomer.password);
    const admin = await signIn("admin@demo.test");
    await nav(admin).getByRole("link", { name: "Users and roles" }).click();
    await admin.getByRole("button", { name: `Disable the account of ${newcomer.name}` }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: `The account of ${newcomer.name} is disabled` })
      .waitFor();
    await admin.getByRole("button", { name: `Enable the account of ${newcomer.name}` }).waitFor();
    await expect(
      admin
        .getByRole("row", { name: /new\.officer@demo\.test/ })
        .getByRole("cell", { name: "Disabled" })
        .count(),
    ).resolves.toBe(1);
    await admin.context().close();

    await newcomerPage.reload();
    await newcomerPage.getByRole("button", { name: "Sign in" }).waitFor();
    await fillSignIn(newcomerPage, newcomer.email, newcomer.password, "en");
    await expect(newcomerPage.getByRole("alert").textContent()).resolves.toBe("Wrong e-mail or password.");
    await newcomerPage.context().close();
  });

  it("an admin translates a reliability term, retires an act type and imports a thesauri file", async () => {
    const page = await signIn("admin@demo.test");
    await nav(page).getByRole("link", { name: "Vocabularies" }).click();
    await page.getByRole("heading", { level: 1, name: "Vocabularies" }).waitFor();
    await page.getByLabel("List", { exact: true }).selectOption("reliability");
    await page.getByText("Reliability: 6 terms").waitFor();
    await page.locator("table.terms[aria-busy=false]").waitFor();
    await expectAccessible(page, "admin-vocabularies-en");

    // By keyboard: an empty label is refused next to its input; a new one is saved, and focus comes back.
    const focused = (label: string) =>
      page.waitForFunction((l) => document.activeElement?.getAttribute("aria-label") === l, label);
    await page.getByRole("button", { name: `Edit labels of ${unsure}` }).focus();
    await page.keyboard.press("Enter");
    await focused(`English label of ${unsure}`);
    await page.keyboard.press("Tab");
    await focused(`Korean label of ${unsure}`);
    const korean = page.getByLabel(`Korean label of ${unsure}`);
    await expect(korean.inputValue()).resolves.toBe("불확실");
    await korean.fill(" ");
    await page.keyboard.press("Enter");
    await page.locator(`#label-${unsure}-ko-error`).waitFor();
    await expect(korean.getAttribute("aria-invalid")).resolves.toBe("true");
    await korean.fill("확실하지 않음");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Labels of ${unsure} saved.` })
      .waitFor();
    await focused(`Edit labels of ${unsure}`);
    await page.getByRole("row", { name: /확실하지 않음/ }).waitFor();
    const stored = await deps.db
      .selectFrom("vocab_terms")
      .select("labels")
      .where("list_name", "=", "reliability")
      .where("code", "=", unsure)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.labels)).toMatchObject({ en: "Unsure", ko: "확실하지 않음" });

    // Found by its Korean label, retired, shown greyed with a marker, hidden when retired terms are not shown.
    await page.getByLabel("List", { exact: true }).selectOption("types_of_acts");
    await page.getByLabel("Search in English or Korean, or by code").fill("강제송환");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText(/Types of acts: \d+ terms? matching “강제송환”/).waitFor();
    await page.locator("table.terms[aria-busy=false]").waitFor();
    await page.getByRole("button", { name: `Retire ${refoulement}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `(${refoulement}) is retired` })
      .waitFor();
    const retiredRow = page.locator("tr.retired", { hasText: refoulement });
    await retiredRow.waitFor();
    await expect(retiredRow.textContent()).resolves.toContain("retired");
    await page.getByRole("button", { name: `Restore ${refoulement}` }).waitFor();
    await page.getByLabel("Show retired terms").uncheck();
    await page.locator("table.terms[aria-busy=false]").waitFor();
    await expect(page.locator("table.terms tbody tr", { hasText: refoulement }).count()).resolves.toBe(0);
    await page.getByLabel("Show retired terms").check();
    await retiredRow.waitFor();

    await page.getByRole("banner").getByLabel("Language").selectOption("ko");
    await page.getByRole("heading", { level: 1, name: "어휘 목록" }).waitFor();
    await expectAccessible(page, "admin-vocabularies-ko");

    await page.getByLabel("시소러스 파일(JSON)").setInputFiles({
      name: "thesauri.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({
          lists: [
            {
              code: 99,
              name: "browser_import",
              labels: { en: "Imported in the browser", ko: "브라우저에서 가져온 목록" },
              terms: [
                {
                  huriCode: "010000000000",
                  vocabNumber: "01000000000099",
                  parent: null,
                  level: 0,
                  order: 1,
                  labels: { en: "First", ko: "첫째" },
                },
                {
                  huriCode: "010100000000",
                  vocabNumber: "01010000000099",
                  parent: "01000000000099",
                  level: 1,
                  order: 2,
                  labels: { en: "Second", ko: "둘째" },
                },
              ],
            },
          ],
        }),
      ),
    });
    await page.getByRole("button", { name: "가져오기" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "목록 1개를 가져왔습니다. 용어 2개 추가, 0개 갱신." })
      .waitFor();
    await page.getByLabel("목록", { exact: true }).selectOption("browser_import");
    await page.getByText("브라우저에서 가져온 목록: 용어 2개").waitFor();
    await page.getByRole("row", { name: /둘째/ }).waitFor();
    await page.context().close();
  });

  it("an officer's new act no longer offers the retired act type, while an act that has it still shows it", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/acts/new`);
    const actType = page.locator("#f-actType");
    await actType.locator("option[value='030102000000']").waitFor({ state: "attached" });
    expect(await actType.locator(`option[value='${refoulement}']`).count()).toBe(0);

    const act = await deps.db
      .selectFrom("acts")
      .select("id")
      .where("act_type", "=", refoulement)
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/app/acts/${act.id}`);
    await page.locator("dl.fields").waitFor();
    await expect(page.locator("dl.fields").textContent()).resolves.toContain(`Refoulement ${refoulement}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(page.locator("#f-actType").inputValue()).resolves.toBe(refoulement);
    await page.context().close();
  });

  it("a reader has no Administration link, and the pages themselves say so", async () => {
    const page = await signIn("readonly@demo.test");
    expect(await nav(page).getByRole("heading", { name: "Administration" }).count()).toBe(0);
    expect(await nav(page).getByRole("link", { name: "Users and roles" }).count()).toBe(0);
    expect(await nav(page).getByRole("link", { name: "Vocabularies" }).count()).toBe(0);
    await page.goto(`${base}/app/admin/vocabularies`);
    await expect(page.getByRole("alert").textContent()).resolves.toBe("You do not have access to this page.");
    await page.context().close();
  });
});
