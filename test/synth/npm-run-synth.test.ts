import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ALL_FIXTURES } from "../fixtures";
import { generateFixture, inProject } from "../support/generated-project";

/**
 * `npm run synth` runs main.ts without the cdktf CLI (scripts/synth.mjs sets
 * what the CLI sets); `npx cdktf synth` stays the reference. Nothing of
 * cdktf.out/ is ignored in the comparison: every file, byte for byte.
 */
const ENV = { CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "true" };
const fixture = (name: string) => ALL_FIXTURES.find((f) => f.name === name)!;

/** Every file under dir, by relative path, as bytes. */
function tree(dir: string): Record<string, Buffer> {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return Object.fromEntries(
    walk(dir)
      .sort()
      .map((file) => [relative(dir, file), readFileSync(file)]),
  );
}

/** A stack folder left over from a stack the app no longer declares, with terraform's files in a kept one. */
function leftovers(dir: string, keptStack: string): void {
  mkdirSync(join(dir, "cdktf.out", "stacks", "removed-stack"), { recursive: true });
  writeFileSync(join(dir, "cdktf.out", "stacks", "removed-stack", "cdk.tf.json"), "{}\n");
  mkdirSync(join(dir, "cdktf.out", "stacks", keptStack, ".terraform"), { recursive: true });
  writeFileSync(join(dir, "cdktf.out", "stacks", keptStack, ".terraform.lock.hcl"), "# kept\n");
}

describe("npm run synth", () => {
  test.each([
    ["se1-twenty-services", "se1-twenty-services"],
    ["es1-provider-and-consumers", "provider"],
  ])("GIVEN %s, THEN npm run synth writes the cdktf.out/ that npx cdktf synth writes, byte for byte", async (name, keptStack) => {
    const dir = generateFixture(fixture(name));
    const bin = join(dir, "node_modules", ".bin", "cdktf");

    // WHEN both run from the same leftovers of an earlier synth
    leftovers(dir, keptStack);
    const cliLog = await inProject(dir, bin, ["synth"], ENV);
    renameSync(join(dir, "cdktf.out"), join(dir, "cli.out"));
    leftovers(dir, keptStack);
    const npmLog = await inProject(dir, "npm", ["run", "--silent", "synth"], ENV);

    // THEN every file is the same; the removed stack's folder is gone and terraform's files stay
    const fromCli = tree(join(dir, "cli.out"));
    const fromNpm = tree(join(dir, "cdktf.out"));
    expect(Object.keys(fromNpm)).toEqual(Object.keys(fromCli));
    for (const [path, bytes] of Object.entries(fromCli)) expect([path, fromNpm[path].equals(bytes)]).toEqual([path, true]);
    expect(Object.keys(fromNpm)).toContain("manifest.json");
    expect(Object.keys(fromNpm)).toContain(join("stacks", keptStack, ".terraform.lock.hcl"));
    expect(Object.keys(fromNpm).some((p) => p.includes("removed-stack"))).toBe(false);
    expect(npmLog).toContain("Generated Terraform code for the stacks:");
    expect(cliLog).toContain("Generated Terraform code for the stacks:");
    rmSync(join(dir, "cli.out"), { recursive: true });
  });

  test("GIVEN a generated project, THEN cdktf.json's app stays for cdktf deploy and diff", () => {
    const dir = generateFixture(fixture("se1-one-service"));
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    // both run main.ts the same way: types stripped by Node, or by tsx where Node is older
    const app = "node --disable-warning=DEP0044 --import ./scripts/typescript.mjs";
    expect(JSON.parse(readFileSync(join(dir, "cdktf.json"), "utf8")).app).toBe(`${app} main.ts`);
    expect(pkg.scripts.synth).toBe(`${app} --import ./scripts/synth.mjs main.ts`);
    // deploy and diff start the same cdktf CLI, with its telemetry off (scripts/cdktf.mjs)
    expect(pkg.scripts.deploy).toBe("node scripts/cdktf.mjs deploy '*'");
  });

  test("GIVEN an error in main.ts on Node 20 (tsx) THEN its stack names main.ts's own line: node_modules load without source maps, your files keep theirs; traces cdktf records for itself are skipped unless CDK_DEBUG=true, and readable then", async () => {
    const dir = generateFixture(fixture("se1-one-service"));
    const main = readFileSync(join(dir, "main.ts"), "utf8");
    const lines = main.split("\n");
    const at = lines.findIndex((l) => l.startsWith("export function build(app: App): void {")) + 2;
    lines.splice(
      at - 1,
      0,
      '  const trace = { stack: "" };',
      "  Error.captureStackTrace(trace);",
      '  console.error(`CAPTURED ${trace.stack.split("\\n").slice(0, 2).join("|")}`);',
      '  throw new Error("stop here");',
    );
    writeFileSync(join(dir, "main.ts"), lines.join("\n"));
    const failed = await inProject(dir, "npm", ["run", "--silent", "synth"], ENV).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(failed).toContain("Error: stop here");
    expect(failed).toMatch(new RegExp(`main\\.ts:${at + 3}:\\d+`));
    // a plain object's trace (cdktf's creationStack of each token) is not recorded unless debugging: no frames
    expect(failed).toMatch(/CAPTURED [^|\n]*\n/);
    // with CDK_DEBUG=true it is, listed without the source-map lookup: the frames cdktf slices
    const debug = await inProject(dir, "npm", ["run", "--silent", "synth"], { ...ENV, CDK_DEBUG: "true" }).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(debug).toMatch(/CAPTURED Error\| {4}at build \(.*main\.ts:\d+:\d+\)/);
    expect(debug).toMatch(new RegExp(`main\\.ts:${at + 3}:\\d+`));
  });
});
