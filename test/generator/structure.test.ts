import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "../..");

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourcesUnder(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

describe("the codebase keeps small files with one job", () => {
  test("no file in generator/ or blueprints/ is over 300 lines", () => {
    const long = [...sourcesUnder(join(ROOT, "generator")), ...sourcesUnder(join(ROOT, "blueprints"))]
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, "utf8").split("\n").length - 1 }))
      .filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });

  test("no test-only switch is read by production code", () => {
    for (const file of sourcesUnder(join(ROOT, "generator"))) {
      expect({ file: relative(ROOT, file), test: /CREATE_PRIVATELINK_TEST/.test(readFileSync(file, "utf8")) }).toEqual({
        file: relative(ROOT, file),
        test: false,
      });
    }
  });

  test("cdktf's core library is imported in one place (blueprints/lib/cdktf.ts), so moving to cdktn is one line", () => {
    const importers = [...sourcesUnder(join(ROOT, "generator")), ...sourcesUnder(join(ROOT, "blueprints"))]
      .filter((file) => /from "cdktf"/.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(importers).toEqual(["blueprints/lib/cdktf.ts"]);
  });
});
