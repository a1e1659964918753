import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_FIXTURES, REPRESENTATIVES } from "../fixtures";
import { runCli, snapshotTree } from "./cli";
import { EXAMPLES_DIR } from "./examples";
import { generateFixture, inProject, projectTestEnv, synthesizedStacks } from "./generated-project";
import { CURRENT_NODES, nodeHome, nodeVersionsProblem, onNode } from "./node-versions";
import { terraformOptedOut } from "./terraform";

const problem = nodeVersionsProblem();
const describeOnLinux = problem ? describe.skip : describe;
if (problem) process.stderr.write(`generated projects on Node ${Object.values(CURRENT_NODES).join(" and ")} not tested: ${problem}\n`);

const representative = new Set(REPRESENTATIVES.map((f) => f.name));

function expectExample(name: string, stacks: Record<string, string>): void {
  const exampleStacks = join(EXAMPLES_DIR, name, "cdktf.out", "stacks");
  expect(Object.keys(stacks)).toEqual(readdirSync(exampleStacks).sort());
  for (const [id, json] of Object.entries(stacks)) expect(json).toBe(readFileSync(join(exampleStacks, id, "cdk.tf.json"), "utf8"));
}

/**
 * A fixture's project on another Node, as its user would run it there: the
 * generator run by that Node, `node main.ts` and `npm run synth` (main.ts
 * through Node's own type stripping, no tsx: the examples' JSON byte for byte), the project's own
 * `npm test` (snapshots, security rules, policy table; terraform validate on one
 * fixture per blueprint version, as on Node 20: the same bytes validate the same on
 * any Node), `check` and `lint`. tsc is not run again: its result does not depend on Node.
 */
async function exerciseOnNode(name: string, version: string): Promise<void> {
  const fixture = ALL_FIXTURES.find((f) => f.name === name)!;
  const node = join(nodeHome(version), "bin", "node");
  const dir = generateFixture(fixture, node);
  // the generator on this Node writes what it writes on Node 20: the example, file for file
  expect(snapshotTree(dir)).toEqual(snapshotTree(join(EXAMPLES_DIR, name)));
  const terraform = representative.has(name);
  const env = { ...projectTestEnv({ terraform }), ...onNode(version) };
  // main.ts as written, with nothing loaded before it: Node strips the types itself
  await inProject(dir, node, ["main.ts"], { ...env, CDKTF_OUTDIR: "direct.out" });
  expectExample(name, synthesizedStacks(dir, "direct.out"));
  const synthLog = await inProject(dir, "npm", ["run", "synth"], env);
  expect(synthLog).not.toMatch(/ExperimentalWarning|DeprecationWarning/);
  expectExample(name, synthesizedStacks(dir));
  const testOutput = await inProject(dir, "npm", ["test", "--silent"], env);
  expect(testOutput).toMatch(/Tests:\s+\d+ passed, \d+ total/);
  if (terraform && !terraformOptedOut()) expect(testOutput).not.toMatch(/terraform is not installed/);
  // check says on this Node what it says on the suite's (clean, or a newer blueprint and its advisories)
  const check = runCli(["check", dir], { node });
  expect(check.stdout).not.toMatch(/^\s+(modified|deleted|conflict|untrusted)\s/m);
  expect(check).toEqual(runCli(["check", dir]));
  // and so does lint, on the stacks npm run synth wrote
  const lint = runCli(["lint", dir], { node });
  expect(lint.code).toBe(0);
  expect(lint).toEqual(runCli(["lint", dir]));
}

/**
 * Every fixture on the active LTS (split in two files, one per core); on the
 * Node 22 floor, one fixture per blueprint; and the cdktf CLI itself on the
 * active LTS, whose node-pty is compiled as `npm install` there compiles it.
 */
export function describeOnCurrentNode(half: 0 | 1): void {
  const { active, floor } = CURRENT_NODES;
  describeOnLinux(`generated projects on Node ${active} (${half === 0 ? "first" : "second"} half of the fixtures)`, () => {
    test.each(ALL_FIXTURES.filter((_, i) => i % 2 === half).map((f) => f.name))(
      "%s: generated, node main.ts, npm run synth, npm test, check, lint",
      (name) => exerciseOnNode(name, active),
      900000,
    );
  });
  if (half === 1) {
    describeOnLinux(`generated projects on Node ${floor}, the first Node 22 to strip types by default`, () => {
      test.each(REPRESENTATIVES.map((f) => f.name))(
        "%s: generated, node main.ts, npm run synth, npm test, check, lint",
        (name) => exerciseOnNode(name, floor),
        900000,
      );
    });
  } else {
    describeOnLinux("the project's CDKTF CLI (npm run cdktf), on Node 20, 22.18 and 24, with no compiler", () => {
      test.each([
        ["20", undefined, "0.21.0"],
        [floor, floor, "0.24.0"],
        [active, active, "0.24.0"],
      ] as const)(
        "Node %s: synth as npm run synth does, then deploy and diff up to the AWS call",
        async (_label, version, cli) => {
          const name = "es2-one-consumer";
          const dir = generateFixture(ALL_FIXTURES.find((f) => f.name === name)!);
          const env = {
            ...projectTestEnv({ terraform: true }),
            ...(version ? onNode(version) : {}),
            AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
            AWS_SECRET_ACCESS_KEY: "placeholder",
            AWS_EC2_METADATA_DISABLED: "true",
            AWS_MAX_ATTEMPTS: "1",
          };
          // cdktf-cli 0.21 on Node 20 (its node-pty ships a binary for it), cdktn-cli 0.24 from Node 22.18 on:
          // node-pty is never compiled (the repository's node_modules, installed as a project's are, ran no install script)
          expect(await inProject(dir, "npm", ["run", "--silent", "cdktf", "--", "--version"], env)).toContain(cli);
          await inProject(dir, "npm", ["run", "--silent", "cdktf", "--", "synth"], env);
          expectExample(name, synthesizedStacks(dir));
          // Offline, the CLI gets as far as AWS: terraform init from the mirror, then the provider's first call (STS).
          for (const args of [
            ["run", "cdktf", "--", "deploy", "provider", "--auto-approve", "--skip-provider-lock"],
            ["run", "diff", "--", "--skip-provider-lock"],
          ]) {
            const failed = await inProject(dir, "npm", args, env).then(
              () => "",
              (error: Error) => error.message,
            );
            expect(failed).toMatch(/STS: (AssumeRole|GetCallerIdentity)/);
            expect(failed).not.toMatch(/pty\.node|markAsUncloneable|Cannot find module/);
          }
        },
        300000,
      );
    });
  }
}
