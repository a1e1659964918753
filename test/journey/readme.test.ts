import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmp } from "../support/cli";
import { findMirror } from "../support/terraform";

/**
 * The README, walked as a new user walks it: in a fresh `git clone` of HEAD,
 * every fenced block the README marks `<!-- journey: run in <dir> -->` runs as
 * written (read from the clone's README.md at test time, never copied here), in
 * README order, with only the environment the README documents: PATH (node,
 * npm, git, terraform), HOME (npm's cache), a git identity for the commit, and
 * the terraform CLI config of the generated README's "Without internet access"
 * (a provider mirror, as the machine has no registry.terraform.io). Nothing the
 * test harness sets (no PRIVATELINK_GENERATOR_PIN, no CI) reaches it, so the
 * project generated from the checkout pins the checkout's packed tarball and
 * installs from it. The README and the product disagree, and this fails.
 */

const REPO = join(__dirname, "..", "..");

interface Block {
  readonly dir: string;
  readonly code: string;
  readonly line: number;
}

/** The journey blocks of a README, in order. */
export function journeyBlocks(readme: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /<!-- journey: run in (\S+) -->\n```sh\n([\s\S]*?)```/g;
  for (let match = pattern.exec(readme); match; match = pattern.exec(readme))
    blocks.push({ dir: match[1]!, code: match[2]!, line: readme.slice(0, match.index).split("\n").length });
  return blocks;
}

/** The environment the README documents, and nothing from this test run. */
function userEnvironment(home: string, tfrc: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    LANG: "C.UTF-8",
    TF_CLI_CONFIG_FILE: tfrc,
    GIT_AUTHOR_NAME: "Dev",
    GIT_AUTHOR_EMAIL: "dev@example.com",
    GIT_COMMITTER_NAME: "Dev",
    GIT_COMMITTER_EMAIL: "dev@example.com",
  };
}

describe("the README's journey, in a fresh clone", () => {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");

  it("marks the steps of the first hour: generate, install, synth, the project's tests, check, lint, eject, an old project's upgrade", () => {
    const commands = journeyBlocks(readme)
      .map((b) => b.code)
      .join("\n");
    for (const step of [
      /npm start -- demo --yes/,
      /npm install/,
      /npm run synth/,
      /npm test/,
      /create-privatelink check/,
      /create-privatelink lint/,
      /create-privatelink eject/,
      /--blueprint service-endpoints@1/,
      /upgrade \.\.\/old-endpoints/,
      /--pipeline github/,
    ])
      expect(commands).toMatch(step);
  });

  it("runs every marked block as written, and each does what the README says", () => {
    const mirror = findMirror();
    if (!mirror) throw new Error("the journey needs the hashicorp/aws provider mirror (see README, Tests)");
    const root = tmp("journey");
    const clone = join(root, "create-privatelink");
    const git = spawnSync("git", ["clone", "-q", REPO, clone], { encoding: "utf8" });
    expect(git.stderr).toBe("");
    // The generated README's CLI config, pointing at this machine's mirror.
    const tfrc = join(root, "mirror.tfrc");
    writeFileSync(
      tfrc,
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
    );
    const home = process.env.HOME ?? join(root, "home");
    mkdirSync(home, { recursive: true });
    const env = userEnvironment(home, tfrc);

    const blocks = journeyBlocks(readFileSync(join(clone, "README.md"), "utf8"));
    const transcript: string[] = [];
    for (const block of blocks) {
      const cwd = join(clone, block.dir);
      const run = spawnSync("bash", ["-e", "-o", "pipefail", "-c", block.code], {
        cwd,
        env,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      transcript.push(`$ (README.md:${block.line}, in ${block.dir})\n${block.code}${run.stdout}${run.stderr}`);
      if (run.status !== 0)
        throw new Error(`README.md:${block.line} failed (exit ${run.status}) in ${block.dir}:\n${transcript.join("\n").slice(-6000)}`);
    }
    const all = transcript.join("\n");
    const demo = join(clone, "demo");

    // Generated from a checkout: the generator packed into the project and pinned, installed from there.
    const pin = JSON.parse(readFileSync(join(demo, "package.json"), "utf8")).devDependencies["create-privatelink"];
    expect(pin).toMatch(/^file:create-privatelink-\d+\.\d+\.\d+\.tgz$/);
    expect(existsSync(join(demo, pin.slice("file:".length)))).toBe(true);
    expect(existsSync(join(demo, "node_modules", "create-privatelink", "dist", "generator", "cli.js"))).toBe(true);
    // synth, the project's tests (terraform from the mirror), check clean, lint, eject
    expect(existsSync(join(demo, "cdktf.out", "stacks", "demo", "cdk.tf.json"))).toBe(true);
    expect(all).toMatch(/Tests: +\d+ passed, \d+ total/);
    expect(all).toContain("Clean: the project matches what was generated, and its blueprint is the newest.");
    expect(existsSync(join(demo, "terraform", "demo", "main.tf"))).toBe(true);
    // The old project: check says what the upgrade needs, and the upgrade places by the IDs given and keeps the subnets.
    expect(all).toMatch(/it needs the zone IDs of us-east-1a, us-east-1b in your account/);
    const old = readFileSync(join(root, "old-endpoints", "main.ts"), "utf8");
    expect(old).toContain('availabilityZones: ["use1-az4", "use1-az6"]');
    expect(old).toContain('addOverride("moved"');

    // The pipeline: both workflows, the apply sized to the three waves, and a bootstrap root per account.
    expect(readFileSync(join(clone, "piped", ".github", "workflows", "privatelink-apply.yml"), "utf8")).toMatch(/^ {2}wave_3:\n/m);
    expect(existsSync(join(clone, "piped", ".github", "workflows", "privatelink-plan.yml"))).toBe(true);
    expect(existsSync(join(clone, "piped", "bootstrap", "999988887777", "main.tf.json"))).toBe(true);

    // A teammate's fresh clone of the project installs with npm ci, from the committed tarball and lock file.
    const teammate = join(root, "demo-clone");
    expect(spawnSync("git", ["clone", "-q", demo, teammate], { env, encoding: "utf8" }).status).toBe(0);
    const ci = spawnSync("bash", ["-e", "-c", "npm ci --no-audit --no-fund && npx create-privatelink check"], {
      cwd: teammate,
      env,
      encoding: "utf8",
    });
    expect({ status: ci.status, output: ci.status === 0 ? "" : `${ci.stdout}${ci.stderr}` }).toEqual({ status: 0, output: "" });
  }, 1_800_000);
});
