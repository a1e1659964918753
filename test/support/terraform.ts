import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The provider every test validates against. */
export const AWS_PROVIDER_VERSION = "5.100.0";
/** Set to 1 to run the suite without terraform (never in CI). */
export const OPT_OUT = "PRIVATELINK_SKIP_TERRAFORM";
/** Overrides where the provider mirror is looked for. */
export const MIRROR_ENV = "PRIVATELINK_TF_MIRROR";

const MIRROR_CANDIDATES = [
  "/opt/tf-plugins",
  join(homedir(), ".terraform.d", "plugins"),
  join(homedir(), ".local", "share", "terraform", "plugins"),
  "/usr/local/share/terraform/plugins",
  "/usr/share/terraform/plugins",
];

export const INSTALL_HINT = [
  "The tests run the real terraform (1.11) with the hashicorp/aws 5.100.0 provider from a filesystem mirror.",
  "- terraform: install it on PATH (https://developer.hashicorp.com/terraform/install).",
  `- provider: put it in a mirror in registry layout, e.g. /opt/tf-plugins/registry.terraform.io/hashicorp/aws/${AWS_PROVIDER_VERSION}/linux_amd64/,`,
  `  with 'terraform providers mirror /opt/tf-plugins' in a folder that requires hashicorp/aws ${AWS_PROVIDER_VERSION}, and set ${MIRROR_ENV} if it lives elsewhere.`,
  `To run without terraform on purpose, set ${OPT_OUT}=1 (CI never does).`,
].join("\n");

function platform(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return `${process.platform}_${arch}`;
}

/** The mirror folder holding hashicorp/aws 5.100.0, or undefined. */
export function findMirror(): string | undefined {
  const candidates = process.env[MIRROR_ENV] ? [process.env[MIRROR_ENV]!] : MIRROR_CANDIDATES;
  return candidates.find((dir) => {
    const provider = join(dir, "registry.terraform.io", "hashicorp", "aws");
    return (
      existsSync(join(provider, AWS_PROVIDER_VERSION, platform())) ||
      (existsSync(provider) && readdirSync(provider).some((f) => f.includes(`_${AWS_PROVIDER_VERSION}_${platform()}.zip`)))
    );
  });
}

/** The terraform binary on PATH, or undefined. */
export function findTerraform(): string | undefined {
  const name = process.platform === "win32" ? "terraform.exe" : "terraform";
  return (process.env.PATH ?? "")
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((file) => existsSync(file));
}

/** True when the terraform checks are turned off on purpose. */
export function terraformOptedOut(): boolean {
  return process.env[OPT_OUT] === "1" && process.env.CI !== "true";
}

/** What is missing for the terraform checks, or undefined when all is there. */
export function terraformProblem(): string | undefined {
  if (!findTerraform()) return `terraform is not on PATH.\n${INSTALL_HINT}`;
  if (!findMirror())
    return `no filesystem mirror holds hashicorp/aws ${AWS_PROVIDER_VERSION} for ${platform()} (looked in ${process.env[MIRROR_ENV] ?? MIRROR_CANDIDATES.join(", ")}).\n${INSTALL_HINT}`;
  return undefined;
}

/** Set by the global setup: the run's one CLI config and plugin cache, shared by every worker. */
const RUN_CONFIG_ENV = "PRIVATELINK_TEST_TF_CONFIG";
const RUN_CACHE_ENV = "PRIVATELINK_TEST_TF_PLUGIN_CACHE";

/**
 * Writes the run's terraform CLI config (hashicorp/* from the mirror only, a plugin
 * cache) and fills the cache once, before any worker starts; the workers inherit both
 * through the environment. With `plugin_cache_may_break_dependency_lock_file`,
 * terraform links a provider from the cache without writing to it when a folder has no
 * lock file (every synthesized stack), so after this nothing writes to the cache: no
 * race between workers, and one cache for the whole run.
 */
export function prepareTerraformRun(): void {
  const mirror = findMirror();
  if (!mirror) throw new Error(terraformProblem());
  const dir = mkdtempSync(join(tmpdir(), "privatelink-tfrc-"));
  const cache = join(dir, "plugin-cache");
  mkdirSync(cache);
  const config = join(dir, "terraform.rc");
  writeFileSync(
    config,
    [
      `plugin_cache_dir = ${JSON.stringify(cache)}`,
      "plugin_cache_may_break_dependency_lock_file = true",
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/hashicorp/*"]',
      "  }",
      "  direct {",
      '    exclude = ["registry.terraform.io/hashicorp/*"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  const fill = join(dir, "fill");
  mkdirSync(fill);
  writeFileSync(
    join(fill, "main.tf.json"),
    JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: AWS_PROVIDER_VERSION } } } }),
  );
  execFileSync(findTerraform()!, ["init", "-backend=false", "-input=false", "-no-color"], {
    cwd: fill,
    env: { ...process.env, TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" },
    stdio: "pipe",
  });
  process.env[RUN_CONFIG_ENV] = config;
  process.env[RUN_CACHE_ENV] = cache;
}

/** The run's CLI config (prepared by the global setup, or here for a test file run on its own). */
export function cliConfigFile(): string {
  if (!process.env[RUN_CONFIG_ENV]) prepareTerraformRun();
  return process.env[RUN_CONFIG_ENV]!;
}

/**
 * The terraform settings for a generated project's own `npm test`: the run's CLI config
 * and its plugin cache, which the projects' tests otherwise default to in the home folder.
 */
export function projectTerraformEnv(): NodeJS.ProcessEnv {
  const config = cliConfigFile();
  return { TF_CLI_CONFIG_FILE: config, TF_PLUGIN_CACHE_DIR: process.env[RUN_CACHE_ENV]! };
}

/** The environment terraform runs in: the mirror config, no prompts, placeholder credentials. */
export function terraformEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfigFile(),
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    AWS_ACCESS_KEY_ID: "AKIAPLACEHOLDER00000",
    AWS_SECRET_ACCESS_KEY: "placeholder",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

export interface TerraformResult {
  readonly validate: string;
  /** Plan output, when a plan was run. */
  readonly plan?: string;
}

async function terraform(dir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(findTerraform()!, args, { cwd: dir, env: terraformEnv(), maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`terraform ${args[0]} failed in ${dir}:\n${e.stderr || e.stdout || e.message}`);
  }
}

/**
 * Makes a validated stack plannable without AWS: a test-only override file
 * gives it local state and a provider that makes no AWS calls (no credential
 * check, no account lookup), and the assumed role is taken out of the provider
 * (an override cannot remove a block). Everything else is planned as synthesized.
 */
function makeOffline(dir: string): void {
  const file = join(dir, "cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as { provider?: { aws?: Record<string, unknown>[] } };
  for (const provider of json.provider?.aws ?? []) delete provider.assume_role;
  writeFileSync(file, JSON.stringify(json, null, 2));
  writeFileSync(
    join(dir, "zz_offline_override.tf.json"),
    JSON.stringify({
      terraform: { backend: { local: { path: "terraform.offline.tfstate" } } },
      provider: { aws: { skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true } },
    }),
  );
}

/**
 * `terraform init -backend=false` and `validate` in a synthesized stack folder;
 * with `plan`, also `plan -refresh=false` against an offline provider.
 */
export async function checkWithTerraform(dir: string, options: { plan: boolean }): Promise<TerraformResult> {
  await terraform(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
  const validate = await terraform(dir, ["validate", "-no-color"]);
  if (!options.plan) return { validate };
  makeOffline(dir);
  await terraform(dir, ["init", "-reconfigure", "-input=false", "-no-color"]);
  const plan = await terraform(dir, ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color"]);
  return { validate, plan };
}
