import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The generator's own root (where blueprints/ and templates/ are), whether it
 * runs from the TypeScript sources or from dist/.
 */
export const PACKAGE_ROOT = [resolve(__dirname, ".."), resolve(__dirname, "..", "..")].find(
  (dir) => existsSync(join(dir, "templates")) && existsSync(join(dir, "package.json")),
)!;

/** The generator's package.json. */
export function packageJson(): {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
} {
  return require(join(PACKAGE_ROOT, "package.json"));
}
