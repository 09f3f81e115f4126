import { describe, expect, it } from "vitest";
import { messageCodes, pickLocale, translate } from "./messages.js";

describe("messages in English and Korean", () => {
  it("every message exists in both languages", () => {
    expect([...messageCodes.ko].sort()).toEqual([...messageCodes.en].sort());
  });

  it("parameters are filled in, in the caller's language", () => {
    expect(translate("en", "field.too_long", { max: 40 })).toBe("At most 40 characters.");
    expect(translate("ko", "field.too_long", { max: 40 })).toBe("최대 40자입니다.");
  });

  it.each([
    ["ko-KR,ko;q=0.9,en;q=0.8", "ko"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,ko;q=0.5", "ko"],
    ["de", "en"],
    [undefined, "en"],
    ["en;q=0.2, ko;q=0.8", "ko"],
  ])("Accept-Language %s answers in %s", (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});
