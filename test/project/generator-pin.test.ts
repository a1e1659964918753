import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { createPin, currentPin, pinSpec, runsInstalled, tarballName, upgradePin } from "../../generator/plan/generator-pin";
import { runCli, tmp } from "../support/cli";

/**
 * A project pins the generator that made it. From a published package that is
 * its version; from a checkout nothing is published, so the generator packs
 * itself into the project and pins that tarball (`file:`), and `npm install` /
 * `npm ci` in a clone of the project need nothing else. The README journey
 * (full tier) installs such a project for real.
 */

const REPO = join(__dirname, "..", "..");
const own = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { name: string; version: string };
const pinned = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies[own.name];

describe("which pin", () => {
  it("is the registry's version from an installed package and a tarball from a checkout", () => {
    expect(runsInstalled("/home/u/.npm/_npx/1a2b/node_modules/create-privatelink")).toBe(true);
    expect(runsInstalled("/work/project/node_modules/create-privatelink")).toBe(true);
    expect(runsInstalled(REPO)).toBe(false);
    // The tests run from this checkout, so without an answer the default is the tarball.
    expect(createPin(undefined, {})).toBe("tarball");
    expect(createPin(undefined, { PRIVATELINK_GENERATOR_PIN: "registry" })).toBe("registry");
    expect(createPin("tarball", { PRIVATELINK_GENERATOR_PIN: "registry" })).toBe("tarball");
    expect(pinSpec("registry")).toBe(own.version);
    expect(pinSpec("tarball")).toBe(`file:${own.name}-${own.version}.tgz`);
  });

  it("names the flag or the variable a bad value came from", () => {
    expect(() => createPin("npm", {})).toThrow(/--generator-pin.*"npm".*registry or tarball/);
    expect(() => createPin(undefined, { PRIVATELINK_GENERATOR_PIN: "git" })).toThrow(/PRIVATELINK_GENERATOR_PIN.*"git"/);
  });

  it("an upgrade from a checkout pins the tarball (its version is not published) unless asked otherwise", () => {
    expect(upgradePin(JSON.stringify({ devDependencies: { [own.name]: own.version } }), undefined, {})).toBe("tarball");
    expect(upgradePin("not json", undefined, {})).toBe("tarball");
    expect(upgradePin(undefined, "registry", {})).toBe("registry");
    expect(upgradePin(undefined, undefined, { PRIVATELINK_GENERATOR_PIN: "registry" })).toBe("registry");
  });
});

describe("create from a checkout", () => {
  it("packs the generator into the project, pins it, and says so", () => {
    const dir = join(tmp("pin"), "demo");
    const result = runCli([dir, "--yes", "--generator-pin", "tarball"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(pinned(dir)).toBe(`file:${tarballName()}`);
    expect(result.stdout).toContain(`Packed ${tarballName()}`);
    expect(result.stdout).toContain("  npm install\n");
    // The tarball is what npm pack makes of this checkout: the same bytes, the package and version it claims.
    const listing = execFileSync("tar", ["tzf", join(dir, tarballName())], { encoding: "utf8" }).split("\n");
    expect(listing).toEqual(expect.arrayContaining(["package/package.json", "package/dist/generator/cli.js"]));
    const inside = JSON.parse(execFileSync("tar", ["xzOf", join(dir, tarballName()), "package/package.json"], { encoding: "utf8" }));
    expect(inside).toMatchObject({ name: own.name, version: own.version });
    // No staging folder is left behind.
    expect(readdirSync(dir).filter((n) => n.startsWith(".create-privatelink"))).toEqual([]);

    // Again over the same project: the reproducible tarball is kept as it is.
    const again = runCli([dir, "--yes", "--force", "--generator-pin", "tarball"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Kept ${tarballName()}`);

    // check, run from the checkout, counts the tarball neither as drift nor as a finding.
    const check = runCli(["check", dir]);
    expect(check.stdout).not.toContain(tarballName());
    expect(check.stdout).not.toContain("package.json");
  });

  it("pins the registry's version when asked, and writes no tarball", () => {
    const dir = join(tmp("pin"), "demo");
    const result = runCli([dir, "--yes", "--generator-pin", "registry"]);
    expect(result.code).toBe(0);
    expect(pinned(dir)).toBe(own.version);
    expect(existsSync(join(dir, tarballName()))).toBe(false);
    expect(result.stdout).not.toContain(".tgz");
  });

  it("a dry run says it would pack, and writes nothing", () => {
    const dir = join(tmp("pin"), "demo");
    const result = runCli([dir, "--yes", "--dry-run", "--generator-pin", "tarball"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${tarballName()} would be packed into the project`);
    expect(existsSync(dir)).toBe(false);
  });

  it("reads a project's current pin from its own devDependency, not from any file: spec in package.json", () => {
    const pkg = (devDependencies: Record<string, string>) => JSON.stringify({ dependencies: { x: "file:../x" }, devDependencies });
    expect(currentPin(pkg({ [own.name]: "file:create-privatelink-0.0.9.tgz" }))).toBe("tarball");
    expect(currentPin(pkg({ [own.name]: "0.0.9", y: "file:y.tgz" }))).toBe("registry");
    expect(currentPin("null")).toBe("registry");
  });

  it("an npm pack that cannot run is exit 2 naming --generator-pin and the way out, not a stack trace", () => {
    const dir = join(tmp("pin"), "demo");
    const result = runCli([dir, "--yes", "--generator-pin", "tarball"], { env: { PATH: tmp("no-npm") } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--generator-pin`?: tarball: npm pack of .* failed \(ENOENT\).*--generator-pin registry --force/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad pin before anything is asked or written", () => {
    const dir = join(tmp("pin"), "demo");
    const result = runCli([dir, "--yes", "--generator-pin", "git"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--generator-pin");
    expect(result.stderr).toContain("registry or tarball");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses a tarball path that is not a regular file (a symbolic link planted in the folder)", () => {
    const dir = join(tmp("pin"), "demo");
    mkdirSync(dir);
    symlinkSync("/etc/passwd", join(dir, tarballName()));
    const result = runCli([dir, "--yes", "--force", "--generator-pin", "tarball"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${tarballName()} in`);
    expect(result.stderr).toContain("not a regular file");
    expect(readdirSync(dir)).toEqual([tarballName()]);
  });
});
