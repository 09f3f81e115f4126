import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The folder holding package.json, whether running from source or from the build. */
export function packageRoot(): string {
  if (!root) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    root = dir;
  }
  return root;
}

/** Path of a file shipped in `src/server/reference-data/`. */
export const referenceFile = (name: string) =>
  path.join(packageRoot(), "src", "server", "reference-data", name);
