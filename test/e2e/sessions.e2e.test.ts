import { afterAll, beforeAll, it } from "vitest";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  poll,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

describeInBrowser("my sessions", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  it("an analyst signed in on two browsers signs out everywhere else from one: the other is sent back to sign-in", async () => {
    const office = await signInPage(world, "analyst@demo.test");
    const laptop = await signInPage(world, "analyst@demo.test", "ko");
    await office.getByRole("link", { name: "My sessions" }).click();
    await office.getByRole("heading", { level: 1, name: "My sessions" }).waitFor();
    const rows = office.getByRole("table", { name: "Open sessions of your account" }).locator("tbody tr");
    await poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await office.getByText("(this session)").waitFor();
    await expectAccessible(office, "sessions-en");
    await office.getByRole("button", { name: "Sign out everywhere else" }).click();
    await poll(() => office.getByRole("status").first().textContent()).toMatch(/Sessions ended: [1-9]/);
    await poll(() => rows.count()).toBe(1);
    // The other browser's next page asks it to sign in again (in Korean, its language).
    await laptop.reload();
    await laptop.getByLabel("비밀번호").waitFor();
    await office.context().close();
    await laptop.context().close();
  });
});
