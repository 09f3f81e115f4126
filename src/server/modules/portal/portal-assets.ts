import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../platform/reference-data.js";

/**
 * The portal's stylesheet, inlined in every page (2 KB: a page is drawn without a second request), with the hash a
 * Content-Security-Policy names to allow exactly this style and no other.
 */
export const portalCss = readFileSync(
  path.join(packageRoot(), "src", "server", "modules", "portal", "portal.css"),
  "utf8",
).trim();
export const portalCssHash = `sha256-${createHash("sha256").update(portalCss).digest("base64")}`;
