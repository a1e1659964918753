import { execFileSync } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, renameSync, rmSync, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { PACKAGE_ROOT, packageJson } from "../paths";

/**
 * How a generated project pins the generator that made it (a devDependency, so
 * that `npx create-privatelink check|upgrade|lint` in the project runs that copy):
 * - `registry`: its version, installed from npm: the pin of a published generator;
 * - `tarball`: `file:create-privatelink-<version>.tgz`, the generator packed into
 *   the project's own folder (`npm pack`, about 290 kB): a project generated from a
 *   checkout installs with `npm install` and `npm ci` in a fresh clone, with
 *   nothing published.
 */
export type GeneratorPin = "registry" | "tarball";
export const GENERATOR_PINS: readonly GeneratorPin[] = ["registry", "tarball"];

/** The file `npm pack` makes of this generator, and the project's pin of it. */
export function tarballName(): string {
  const own = packageJson();
  return `${own.name}-${own.version}.tgz`;
}

/** The devDependency spec a pin writes into package.json. */
export function pinSpec(pin: GeneratorPin): string {
  return pin === "tarball" ? `file:${tarballName()}` : packageJson().version;
}

/** This generator runs from an installed package (inside node_modules, npx's cache included), not from a checkout. */
export function runsInstalled(root: string = PACKAGE_ROOT): boolean {
  return root.split(sep).includes("node_modules");
}

/**
 * The pin a new project gets: the one asked for (`--generator-pin`, else the
 * PRIVATELINK_GENERATOR_PIN environment variable), else `registry` when this
 * generator was installed from a package and `tarball` when it runs from a checkout.
 */
export function createPin(asked: string | undefined, env: NodeJS.ProcessEnv = process.env): GeneratorPin {
  const choice = asked ?? env.PRIVATELINK_GENERATOR_PIN;
  if (choice === undefined || choice === "") return runsInstalled() ? "registry" : "tarball";
  if ((GENERATOR_PINS as readonly string[]).includes(choice)) return choice as GeneratorPin;
  const field = asked !== undefined ? "--generator-pin" : "PRIVATELINK_GENERATOR_PIN";
  throw new BlueprintInputError(field, `is "${choice}"; expected ${GENERATOR_PINS.join(" or ")}`);
}

/**
 * The pin an upgrade writes: the one asked for, as for `createPin`; else a
 * project that pins this version's tarball keeps it, and so does every project
 * upgraded from a checkout (its version is not published); otherwise the
 * registry's version.
 */
export function upgradePin(projectPackageJson: string | undefined, asked?: string, env: NodeJS.ProcessEnv = process.env): GeneratorPin {
  if (asked !== undefined || (env.PRIVATELINK_GENERATOR_PIN ?? "") !== "") return createPin(asked, env);
  if (!runsInstalled()) return "tarball";
  return pinnedSpec(projectPackageJson) === pinSpec("tarball") ? "tarball" : "registry";
}

/** How a project's package.json pins this generator now: a tarball (`file:…`, of any version) or a version. */
export function currentPin(projectPackageJson: string | undefined): GeneratorPin {
  const spec = pinnedSpec(projectPackageJson);
  return typeof spec === "string" && spec.startsWith("file:") ? "tarball" : "registry";
}

/** The spec package.json gives this generator among its devDependencies, if it can be read. */
function pinnedSpec(projectPackageJson: string | undefined): unknown {
  try {
    const parsed = JSON.parse(projectPackageJson ?? "{}") as { devDependencies?: Record<string, unknown> } | null;
    return parsed?.devDependencies?.[packageJson().name];
  } catch {
    return undefined;
  }
}

/** Refuses a tarball path that is a link, a folder or a special file (before anything is written); its stat when it is a file. */
export function checkTarballPath(projectDir: string): Stats | undefined {
  const there = lstatSync(join(projectDir, tarballName()), { throwIfNoEntry: false });
  if (there && !there.isFile())
    throw new BlueprintInputError("dir", `${tarballName()} in ${projectDir} is not a regular file; move it away first`);
  return there;
}

/**
 * Packs this generator into the project folder as `tarballName()` when it is not
 * there already: `npm pack` of the running package (its `files`, as published;
 * no scripts run: `dist/` is the code that is running), made in a staging folder
 * inside the project and renamed into place. npm's tarballs are reproducible:
 * the same sources give the same bytes. An installed generator never repacks a
 * tarball that is there. Returns whether it wrote the file.
 */
export function packInto(projectDir: string): boolean {
  const target = join(projectDir, tarballName());
  // Run from that very tarball (installed in the project): it stays as it is, package-lock.json holds its integrity.
  if (checkTarballPath(projectDir) && runsInstalled()) return false;
  const staging = mkdtempSync(join(projectDir, ".create-privatelink-pack-"));
  try {
    try {
      execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", staging, PACKAGE_ROOT], {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, npm_config_update_notifier: "false" },
      });
    } catch (error) {
      const e = error as { code?: string; stderr?: Buffer };
      const why = e.code ?? (e.stderr?.toString().trim().split("\n").pop() || "it failed");
      throw new BlueprintInputError(
        "--generator-pin",
        `tarball: npm pack of ${PACKAGE_ROOT} failed (${why}); the project's files are written, but package.json pins ${tarballName()}: run npm pack there and copy it in, or run again with --generator-pin registry --force`,
      );
    }
    const packed = join(staging, tarballName());
    const there = checkTarballPath(projectDir);
    if (there && there.size === lstatSync(packed).size && readFileSync(target).equals(readFileSync(packed))) return false;
    renameSync(packed, target);
    return true;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
