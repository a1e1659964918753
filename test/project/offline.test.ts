import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmp } from "../support/cli";
import { EXAMPLES_DIR } from "../support/examples";
import { findMirror, findTerraform, terraformOptedOut, terraformProblem } from "../support/terraform";

/**
 * A generated project without internet access, as its README tells it: the error
 * `npm test` prints without the registry is the one the README shows, the provider
 * mirror config the README gives works as written, and the cdktf CLI runs without
 * its telemetry from the project's scripts.
 */
const EXAMPLE = join(EXAMPLES_DIR, "se3-defaults");
const readme = readFileSync(join(EXAMPLE, "README.md"), "utf8");
const fenced = (lang: string) => {
  const fence = "```";
  const block = new RegExp(`${fence}${lang}\\n([\\s\\S]*?)${fence}`).exec(readme);
  if (!block) throw new Error(`the generated README has no ${lang} block`);
  return block[1];
};

describe("a generated project without internet access", () => {
  test("the error the README shows is the one the project's test prints when terraform init fails", () => {
    const test = readFileSync(join(EXAMPLE, "test", "main.test.ts"), "utf8");
    const [first] = fenced("text").split("\n");
    expect(test).toContain(first.replace(/:$/, ""));
  });

  const skip = terraformOptedOut() && terraformProblem() !== undefined;
  (skip ? test.skip : test)(
    "GIVEN the README's provider_installation block naming a mirror THEN terraform init and validate of a stack work from it alone",
    () => {
      const mirror = findMirror()!;
      const dir = tmp("offline");
      const config = join(dir, "mirror.tfrc");
      // the block as the README prints it, with this machine's mirror folder in place of its example path
      writeFileSync(config, fenced("hcl").replace('"/opt/tf-plugins"', JSON.stringify(mirror)));
      const stack = join(dir, "stack");
      mkdirSync(stack);
      cpSync(join(EXAMPLE, "cdktf.out", "stacks", "se3-defaults", "cdk.tf.json"), join(stack, "cdk.tf.json"));
      const env = { ...process.env, TF_CLI_CONFIG_FILE: config, TF_PLUGIN_CACHE_DIR: join(dir, "cache"), CHECKPOINT_DISABLE: "1" };
      mkdirSync(env.TF_PLUGIN_CACHE_DIR);
      const run = (args: string[]) => execFileSync(findTerraform()!, args, { cwd: stack, env, encoding: "utf8" });
      expect(run(["init", "-backend=false", "-input=false", "-no-color"])).toMatch(/Installed hashicorp\/aws v5\.100\.0/);
      expect(run(["validate", "-no-color"])).toContain("The configuration is valid");
    },
    120000,
  );

  test("npm run deploy and diff run the cdktf CLI with CHECKPOINT_DISABLE=1, unless it is set already", () => {
    const pkg = JSON.parse(readFileSync(join(EXAMPLE, "package.json"), "utf8"));
    expect([pkg.scripts.cdktf, pkg.scripts.deploy, pkg.scripts.diff]).toEqual([
      "node scripts/cdktf.mjs",
      "node scripts/cdktf.mjs deploy '*'",
      "node scripts/cdktf.mjs diff",
    ]);
    // a project whose cdktf CLI prints what it was started with
    const dir = tmp("checkpoint");
    cpSync(join(EXAMPLE, "scripts"), join(dir, "scripts"), { recursive: true });
    const bin = join(dir, "node_modules", "cdktf-cli", "bundle", "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(dir, "node_modules", "cdktf-cli", "package.json"), JSON.stringify({ name: "cdktf-cli", version: "0.0.0" }));
    writeFileSync(join(bin, "cdktf"), "console.log(JSON.stringify([process.env.CHECKPOINT_DISABLE ?? null, ...process.argv.slice(2)]));\n");
    const started = (env: NodeJS.ProcessEnv) => {
      const result = spawnSync(process.execPath, ["scripts/cdktf.mjs", "deploy", "*"], { cwd: dir, env, encoding: "utf8" });
      expect(result.stderr).toBe("");
      return JSON.parse(result.stdout);
    };
    const { CHECKPOINT_DISABLE: _, ...without } = process.env;
    expect(started(without)).toEqual(["1", "deploy", "*"]);
    expect(started({ ...without, CHECKPOINT_DISABLE: "" })).toEqual(["", "deploy", "*"]);
  });

  test("scripts/cdktf.mjs runs cdktn-cli where Node has what it needs, cdktf-cli on Node 20; diff without a stack diffs each", () => {
    const dir = tmp("which-cli");
    cpSync(join(EXAMPLE, "scripts"), join(dir, "scripts"), { recursive: true });
    // two CLIs that print which they are and what they were started with
    for (const [pkg, file, name] of [
      ["cdktf-cli", "cdktf", "cdktf"],
      ["cdktn-cli", "cdktn.js", "cdktn"],
    ]) {
      const bin = join(dir, "node_modules", pkg, "bundle", "bin");
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(dir, "node_modules", pkg, "package.json"), JSON.stringify({ name: pkg, version: "0.0.0" }));
      writeFileSync(join(bin, file), `console.log(${JSON.stringify(name)}, process.argv.slice(2).join(" "));\n`);
    }
    mkdirSync(join(dir, "cdktf.out"));
    writeFileSync(join(dir, "cdktf.out", "manifest.json"), JSON.stringify({ stacks: { provider: {}, "consumer-111122223333": {} } }));
    const wrapper = (args: string[], preload: string[] = []) => {
      const result = spawnSync(process.execPath, [...preload, "scripts/cdktf.mjs", ...args], { cwd: dir, encoding: "utf8" });
      expect(result.stderr).toBe("");
      return result.stdout.trim().split("\n");
    };
    // This Node 20 lacks worker_threads.markAsUncloneable, which cdktn-cli needs: the optional cdktf-cli runs.
    expect(wrapper(["deploy", "provider"])).toEqual(["cdktf deploy provider"]);
    // A Node that has it (22.18 and later; simulated here) runs cdktn-cli.
    const newer = join(dir, "newer-node.cjs");
    writeFileSync(newer, 'require("node:worker_threads").markAsUncloneable = () => {};\nrequire("node:module").syncBuiltinESMExports();\n');
    expect(wrapper(["deploy", "provider"], ["--require", newer])).toEqual(["cdktn deploy provider"]);
    // The CLI diffs one stack at a time: without one, every stack, in the app's order, after one synth.
    expect(wrapper(["diff", "--skip-provider-lock"], ["--require", newer])).toEqual([
      "cdktn synth",
      "cdktn diff provider --skip-synth --skip-provider-lock",
      "cdktn diff consumer-111122223333 --skip-synth --skip-provider-lock",
    ]);
    expect(wrapper(["diff", "provider"], ["--require", newer])).toEqual(["cdktn diff provider"]);
  });
});
