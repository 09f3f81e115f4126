import { ConfigError, type ConfigOverrides, loadConfig } from "../server/platform/config/config.js";
import { AppError } from "../server/platform/errors/app-error.js";
import { translate } from "../server/platform/i18n/messages.js";

export interface CommonOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
}

/** Config from command flags over the environment. */
export function configFrom(o: CommonOptions) {
  const overrides: ConfigOverrides = {};
  if (o.port !== undefined) overrides.port = o.port;
  if (o.host !== undefined) overrides.host = o.host;
  if (o.dataDir !== undefined) overrides.dataDir = o.dataDir;
  if (o.databaseUrl !== undefined) overrides.databaseUrl = o.databaseUrl;
  return loadConfig(overrides);
}

/** Wraps a command so that configuration and domain errors print a clear line and exit 1, never a stack trace. */
export const runCommand =
  <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
  async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof ConfigError) console.error(e.message);
      else if (e instanceof AppError) {
        const fields = Object.entries(e.fields).map(
          ([k, p]) => `  ${k}: ${translate("en", p.code, p.params)}`,
        );
        console.error([translate("en", e.code, e.params), ...fields].join("\n"));
      } else console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  };
