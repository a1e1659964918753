import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ALL_FIXTURES } from "../fixtures";
import { tmp } from "../support/cli";
import { synthFixture } from "../support/synth";

test("the repository's own CDKTF app (npm run synth) synthesizes every stack of every fixture", async () => {
  const outdir = tmp("root-app");
  const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
    cwd: join(__dirname, "..", ".."),
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  let expected = 0;
  for (const fixture of ALL_FIXTURES) expected += (await synthFixture(fixture)).length;
  expect(readdirSync(join(outdir, "stacks"))).toHaveLength(expected);
});
