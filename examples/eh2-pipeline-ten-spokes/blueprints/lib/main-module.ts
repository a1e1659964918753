import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Whether the module at `url` (its `import.meta.url`) is the program Node was
 * started with: true for `node main.ts`, `cdktf synth` and `npm run synth`,
 * false when the tests import main.ts for its `build()`. The path Node was given
 * is resolved as Node resolves the module's own, through symlinks.
 */
export function isMainModule(url: string): boolean {
  const started = process.argv[1];
  if (started === undefined) return false;
  try {
    return realpathSync(started) === fileURLToPath(url);
  } catch {
    return false;
  }
}
