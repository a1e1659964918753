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
    expect([pkg.scripts.deploy, pkg.scripts.diff]).toEqual(["node scripts/cdktf.mjs deploy '*'", "node scripts/cdktf.mjs diff '*'"]);
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
});
