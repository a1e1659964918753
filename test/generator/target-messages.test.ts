import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

describe("messages about the target directory", () => {
  test("GIVEN a bare positional one typo from a command (`chek`) THEN exit 2 suggesting it, as git does; ./chek, an existing chek, link and service are folders", () => {
    const cwd = tmp("typo");
    const result = runCli(["chek"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /`dir`: chek is not a command; did you mean `check`\? To create a project in a folder named chek, pass \.\/chek/,
    );
    expect(readdirSync(cwd)).toEqual([]);
    expect(runCli(["./chek", "--yes", "--dry-run"], { cwd }).code).toBe(0);
    expect(runCli(["upgarde"], { cwd }).stderr).toMatch(/did you mean `upgrade`\?/);
    // Near misses that are ordinary folder names are left alone.
    for (const name of ["link", "service", "checks"]) expect(runCli([name, "--yes", "--dry-run"], { cwd }).code).toBe(0);
    mkdirSync(join(cwd, "chek"));
    expect(runCli(["chek", "--yes", "--dry-run"], { cwd }).code).toBe(0);
  });

  test("GIVEN a folder named with accents and another script THEN the project name keeps the letters (ünï東京 → uni), or falls back to privatelink", () => {
    const cwd = tmp("unicode");
    expect(runCli(["ünï東京", "--yes"], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, "ünï東京", ".privatelink.json"), "utf8")).toContain('"projectName": "uni"');
    expect(runCli(["東京", "--yes"], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, "東京", ".privatelink.json"), "utf8")).toContain('"projectName": "privatelink"');
  });

  test("GIVEN a folder name with a space THEN the printed cd is shell-quoted", () => {
    const cwd = tmp("quote");
    const result = runCli(["my proj", "--yes"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  cd 'my proj'\n");
    expect(runCli(["it's", "--yes"], { cwd }).stdout).toContain(`  cd 'it'\\''s'\n`);
  });

  test("GIVEN / as the target THEN the dry run plans it, and the real run says / is not empty, never blaming .gitignore", () => {
    const dry = runCli(["/", "--yes", "--dry-run"]);
    expect(dry.stderr).not.toMatch(/\.gitignore/);
    expect(dry.code).toBe(0);
    const real = runCli(["/", "--yes"]);
    expect(real.code).toBe(2);
    expect(real.stderr).toMatch(/`dir`: \S+ is not empty/);
    expect(real.stderr).not.toMatch(/\.gitignore/);
  });
});
