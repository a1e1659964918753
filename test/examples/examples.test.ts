import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ALL_FIXTURES } from "../fixtures";
import { EXAMPLES_DIR, exampleFiles } from "../support/examples";

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(root, full) : [relative(root, full).split("\\").join("/")];
  });
}

describe("examples/: one generated project per fixture, byte for byte (npm run examples rewrites them)", () => {
  test("there is an example for every fixture and no other", () => {
    const dirs = readdirSync(EXAMPLES_DIR)
      .filter((n) => statSync(join(EXAMPLES_DIR, n)).isDirectory())
      .sort();
    expect(dirs).toEqual(ALL_FIXTURES.map((f) => f.name).sort());
  });

  test.each(ALL_FIXTURES.map((f) => [f.name, f] as const))("%s is what the generator makes today", async (name, fixture) => {
    const dir = join(EXAMPLES_DIR, name);
    const expected = await exampleFiles(fixture);
    expect(filesUnder(dir).sort()).toEqual(expected.map((f) => f.path).sort());
    for (const file of expected) {
      const path = join(dir, file.path);
      expect(existsSync(path) && readFileSync(path, "utf8") === file.content ? file.path : `${file.path} differs`).toBe(file.path);
    }
  });
});
