/**
 * What dist/ is built from, as one text: a line per source with its path, size and
 * modification time, so that any change, addition or removal changes the text.
 * `npm run build` writes it to dist/.sources (`node scripts/sources.mjs --stamp`);
 * `npm start` compares it to decide whether to build (scripts/start.mjs).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const STAMP = join(ROOT, "dist", ".sources");
/** What tsconfig.build.json compiles (and what the bench imports from test/), and the configs. */
const SOURCE_DIRS = ["blueprints", "generator", "bench", "test/support", "test/fixtures"];
const SOURCE_FILES = ["main.ts", "tsconfig.json", "tsconfig.build.json", "package.json"];

export function sources() {
  const lines = [];
  const add = (file) => {
    const s = statSync(file);
    lines.push(`${relative(ROOT, file)} ${s.size} ${s.mtimeMs}`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) add(full);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  for (const file of SOURCE_FILES) add(join(ROOT, file));
  return lines.sort().join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "--stamp") writeFileSync(STAMP, sources());
