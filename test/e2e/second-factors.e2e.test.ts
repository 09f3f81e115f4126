import { generate } from "otplib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  startBrowserWorld,
} from "../support/e2e-world.js";

/** Types e-mail and password on the sign-in page, without waiting for the home page (a second step may come). */
async function passwordStep(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/app/`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh English browser; CSP bypassed only so that the accessibility check can inject axe-core. */
async function newPage(world: BrowserWorld) {
  const context = await world.browser.newContext({
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  return context.newPage();
}

const home = (page: Page) => page.getByRole("heading", { level: 1, name: "What needs me today" }).waitFor();

describeInBrowser("second factors", () => {
  let world: BrowserWorld;
  let base: string;
  beforeAll(async () => {
    world = await startBrowserWorld({ secondFactorRequiredFor: "admin" });
    // WebAuthn takes a domain, not an IP address, as the relying party: the browser goes to localhost.
    base = world.base.replace("127.0.0.1", "localhost");
    world.deps.config.publicUrl = base;
  });
  afterAll(async () => world?.close());

  it("an admin who must enrol registers a passkey with the device, keeps the recovery codes, then signs in with the passkey", async () => {
    const context = await world.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Page.setBypassCSP", { enabled: true });
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    const password = world.deps.config.demoPassword;
    await passwordStep(page, base, "admin@demo.test", password);
    await page.getByRole("heading", { level: 1, name: "Set up a second factor" }).waitFor();
    // Nothing else opens meanwhile: the API holds the session to enrolment.
    const held = await page.evaluate(async () => (await fetch("/api/v1/users")).status);
    expect(held).toBe(403);
    await expectAccessible(page, "second-factor-enrolment-en");
    await page.getByLabel("Name of the new passkey").fill("Office laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await expect.poll(() => codes.count(), { timeout: 15_000 }).toBe(10);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await home(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Password").waitFor();
    await passwordStep(page, base, "admin@demo.test", password);
    await page.getByRole("heading", { level: 2, name: "Second step" }).waitFor();
    await expectAccessible(page, "second-factor-step-en");
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await home(page);
    await page.context().close();
  });

  it("an officer turns on an authenticator app from the security page; sign-in then asks for its code", async () => {
    const page = await newPage(world);
    await passwordStep(page, base, "officer@demo.test", world.deps.config.demoPassword);
    await home(page);
    await page.getByRole("link", { name: "Security" }).click();
    await page.getByRole("heading", { level: 1, name: "Security" }).waitFor();
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await page.getByRole("img", { name: "QR code of the key for the authenticator app" }).waitFor();
    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    const now = Math.floor(Date.now() / 1000);
    // The code of the period before: the sign-in below then has a later one of its own.
    await page
      .getByLabel("Code from the authenticator app")
      .fill(await generate({ secret, epoch: now - 30 }));
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByRole("button", { name: "I have saved them" }).waitFor();
    await expectAccessible(page, "second-factor-recovery-codes-en");
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByText("The authenticator app is on.").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Password").waitFor();
    await passwordStep(page, base, "officer@demo.test", world.deps.config.demoPassword);
    const code = page.getByLabel("Code from the authenticator app");
    await expect.poll(() => code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await code.getAttribute("inputmode")).toBe("numeric");
    await code.fill("000000" === (await generate({ secret })) ? "111111" : "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("alert").getByText("Wrong or already used code.").waitFor();
    await code.fill(await generate({ secret }));
    await page.getByRole("button", { name: "Continue" }).click();
    await home(page);
    await page.context().close();
  });
});
