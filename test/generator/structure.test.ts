import { execFileSync } from "node:child_process";
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

  test("the CLI starts without cdktf or the AWS provider: only create, which builds the stacks, loads them", () => {
    // the built CLI, loaded as `node cli.js` loads it; its main() runs only as the program, not when required
    const script = `require(${JSON.stringify(join(ROOT, "dist", "generator", "cli.js"))});
      console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /node_modules[\\/](cdktf|@cdktf)[\\/]/.test(f))))`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    expect(loaded).toEqual([]);
  });
});
