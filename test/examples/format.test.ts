import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_FIXTURES } from "../fixtures";
import { EXAMPLES_DIR } from "../support/examples";

const BIOME = join(__dirname, "../../node_modules/.bin/biome");

describe("generated code is formatted as the generator's own code is (Biome, with the project's own biome.json)", () => {
  test.each(ALL_FIXTURES.map((f) => [f.name] as const))("%s passes `biome ci` unchanged", (name) => {
    // A copy outside this repository, whose own biome.json would otherwise be the root configuration.
    const dir = join(mkdtempSync(join(tmpdir(), "privatelink-format-")), name);
    cpSync(join(EXAMPLES_DIR, name), dir, { recursive: true, filter: (src) => !src.includes("cdktf.out") });
    const result = spawnSync(BIOME, ["ci", "--colors=off", dir], { encoding: "utf8", cwd: dir });
    expect({ code: result.status, out: result.status === 0 ? "" : result.stdout + result.stderr }).toEqual({ code: 0, out: "" });
    expect(result.stdout + result.stderr).toMatch(/Checked [1-9]\d* files?/);
  });
});
