import { describe, expect, it } from "vitest";
import { en } from "../../../web/i18n/en.js";
import { ko } from "../../../web/i18n/ko.js";
import { absoluteLink, mailKinds, renderMail } from "./mail-templates.js";

const params = {
  reference: "AL PRK 3/2026",
  subject: "Detention at the border",
  dueOn: "2026-04-01",
  days: 7,
  title: "Returnees held in Onsong",
  action: "Follow up with the mission",
};

describe("notification e-mail texts", () => {
  it.each(mailKinds.flatMap((k) => [[k, "en"] as const, [k, "ko"] as const]))(
    "%s in %s fills every parameter and ends with the link",
    (kind, locale) => {
      const mail = renderMail(kind, locale, params, "https://r.example.org/app/x");
      expect(mail.subject).not.toMatch(/undefined|\{|\n/);
      expect(mail.text).not.toMatch(/undefined|\{/);
      expect(mail.text).toContain("https://r.example.org/app/x");
    },
  );

  it("what the sender withheld is left out, not shown as a gap", () => {
    const mail = renderMail("case_next_action", "en", { title: "", action: "", dueOn: "2026-04-01" }, null);
    expect(mail.subject).toBe("Next action due 2026-04-01");
    expect(mail.text).toMatch(/^A case you follow has a next action due on 2026-04-01\./);
    const reply = renderMail(
      "reply_due_today",
      "en",
      { reference: "AL PRK 3/2026", subject: "", dueOn: "x" },
      null,
    );
    expect(reply.text).not.toContain("()");
  });

  it("an unknown kind gets the generic text, and a line break in a parameter cannot add a header", () => {
    expect(renderMail("something_new", "ko", {}, null).subject).toBe("Rapporteur 새 알림");
    const mail = renderMail("embargo_lifted", "en", { reference: "A\r\nBcc: x@y.example" }, null);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("links are made absolute under the public address, and only local paths are", () => {
    expect(absoluteLink("https://un.example.org/rapporteur/", "/app/cases/1")).toBe(
      "https://un.example.org/rapporteur/app/cases/1",
    );
    expect(absoluteLink("https://un.example.org", "//evil.example/x")).toBeNull();
    expect(absoluteLink("https://un.example.org", "https://evil.example/x")).toBeNull();
  });

  it("every kind the e-mail catalog knows also has an in-app text in English and Korean", () => {
    for (const kind of mailKinds) {
      expect(Object.keys(en)).toContain(`notifications.kind.${kind}`);
      expect(Object.keys(ko)).toContain(`notifications.kind.${kind}`);
    }
  });
});
