import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("flags win over the environment, which wins over defaults", () => {
    const c = loadConfig({ port: 9000 }, { PORT: "7000", RAPPORTEUR_DATA_DIR: "/tmp/x" });
    expect(c.port).toBe(9000);
    expect(c.dataDir).toBe("/tmp/x");
    expect(loadConfig({}, {}).port).toBe(8080);
  });

  it("every bad setting is named at once, by its environment variable", () => {
    try {
      loadConfig({}, { PORT: "abc", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toContain("PORT");
      expect((e as ConfigError).message).toContain("DATABASE_URL");
    }
  });
});
