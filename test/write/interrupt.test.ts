import * as fs from "node:fs";
import { join } from "node:path";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planUpgrade } from "../../generator/lifecycle/upgrade";
import { planProject } from "../../generator/plan/plan";
import { recoverInterrupted } from "../../generator/write/journal";
import { changesFor, type FileChange } from "../../generator/write/target";
import { type WriterFs, writeChanges } from "../../generator/write/write";
import { runCli, snapshotTree, tmp } from "../support/cli";
import { runAndSignal } from "../support/signal";

const SLOW_WRITER = join(__dirname, "..", "support", "slow-writer.js");

/** A folder with the user's own files, some of which the project replaces. */
function userFolder(label: string): string {
  const dir = tmp(label);
  fs.writeFileSync(join(dir, "README.md"), "# my own readme\n");
  fs.writeFileSync(join(dir, "main.ts"), "// my own main.ts\n");
  fs.writeFileSync(join(dir, "notes.txt"), "not the generator's\n");
  return dir;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith(".create-privatelink"));

/** node's file system until the `n`th rename, then a killed process: every call fails, so nothing is undone. */
function killedAfterRename(n: number): WriterFs {
  let renames = 0;
  let dead = false;
  const guard =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      if (dead) throw Object.assign(new Error("killed"), { code: "EKILLED" });
      return call(...args);
    };
  return {
    ...fs,
    existsSync: guard(fs.existsSync),
    mkdirSync: guard(fs.mkdirSync) as typeof fs.mkdirSync,
    rmSync: guard(fs.rmSync),
    unlinkSync: guard(fs.unlinkSync),
    writeFileSync: guard(fs.writeFileSync),
    renameSync: guard((from: fs.PathLike, to: fs.PathLike) => {
      fs.renameSync(from, to);
      if (++renames === n) dead = true;
    }),
  };
}

/** How many renames the writer makes before the first one of `path`: the journal's, then one or two a file. */
function renamesBefore(dir: string, changes: readonly FileChange[], path: string): number {
  const moves = changes.filter((c) => c.change !== "unchanged");
  const index = moves.findIndex((c) => c.file.path === path);
  return 1 + moves.slice(0, index).reduce((n, c) => n + (fs.existsSync(join(dir, c.file.path)) && c.change !== "delete" ? 2 : 1), 0);
}

describe("a write interrupted in the move phase", () => {
  test.each<[NodeJS.Signals, number, number]>([
    ["SIGINT", 2, 130],
    ["SIGINT", 12, 130],
    ["SIGINT", 40, 130],
    ["SIGTERM", 6, 143],
    ["SIGTERM", 30, 143],
    ["SIGHUP", 20, 129],
  ])(
    "GIVEN the user's files WHEN %s arrives after rename %d THEN it exits %d with the folder exactly as it was",
    async (signal, n, code) => {
      const dir = userFolder("sig");
      const before = snapshotTree(dir);
      const run = await runAndSignal([dir, "15"], signal, ({ stdout }) => stdout.includes(`renamed ${n}\n`), { script: SLOW_WRITER });
      expect(run.stdout).not.toMatch(/done/);
      expect(run.code).toBe(code);
      expect(run.stderr).toMatch(/Interrupted: rolled back; .* is as it was, nothing was written/);
      expect(snapshotTree(dir)).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    },
  );

  test("GIVEN SIGKILL in the move phase THEN the next run rolls back first, says so, and the user's files come back", async () => {
    const dir = userFolder("kill");
    const before = snapshotTree(dir);
    const run = await runAndSignal([dir, "15"], "SIGKILL", ({ stdout }) => stdout.includes("renamed 25\n"), { script: SLOW_WRITER });
    expect(run.signal).toBe("SIGKILL");
    expect(leftovers(dir)).toEqual([expect.stringMatching(/^\.create-privatelink-staging-/)]);
    // What a kill leaves behind ignores itself, so a `git add .` never picks it up.
    const [staging] = leftovers(dir);
    expect(fs.readFileSync(join(dir, staging, ".gitignore"), "utf8")).toBe("*\n");
    const dry = runCli([dir, "--yes", "--force", "--dry-run"]);
    expect(dry.stderr).toMatch(/an interrupted run left a staging folder .*; the next run rolls it back first/);

    const next = runCli([dir, "--yes", "--force"]);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/an interrupted run left .* half written .*; rolled it back to how it was before that run/);
    // The user's files were restored before this run replaced them, so their copies are the originals.
    const [backup] = fs.readdirSync(join(dir, ".create-privatelink-backup")).filter((n) => n !== ".gitignore");
    expect(fs.readFileSync(join(dir, ".create-privatelink-backup", backup, "README.md"), "utf8")).toBe(before["README.md"]);
    expect(fs.readFileSync(join(dir, "notes.txt"), "utf8")).toBe(before["notes.txt"]);
    expect(leftovers(dir).filter((n) => n !== ".create-privatelink-backup")).toEqual([]);
  });

  test("GIVEN a kill between the two renames of a file THEN the user's copy is in the journal's staging folder and is put back", async () => {
    const dir = userFolder("between");
    const before = snapshotTree(dir);
    const resolved = await resolveAnswers({ flags: { projectName: "proj" } }, { yes: true });
    const changes = changesFor(dir, planProject(resolved).files);
    // README.md is replaced: the kill comes after its first rename (aside), before its second (into place).
    const kill = killedAfterRename(renamesBefore(dir, changes, "README.md") + 1);
    await expect(writeChanges(dir, changes, { force: true }, kill)).rejects.toThrow();
    expect(fs.existsSync(join(dir, "README.md"))).toBe(false);
    expect(recoverInterrupted(dir)).toEqual([expect.stringMatching(/rolled it back/)]);
    expect(snapshotTree(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test("GIVEN upgrade killed between the two renames of a file the user edited THEN the next upgrade restores it first and keeps the edit", async () => {
    const dir = join(tmp("up-kill"), "p");
    expect(runCli([dir, "--yes", "--blueprint", "service-endpoints@1"]).code).toBe(0);
    const edited = `${fs.readFileSync(join(dir, "main.ts"), "utf8")}// my edit\n`;
    fs.writeFileSync(join(dir, "main.ts"), edited);
    const plan = await planUpgrade(dir, { to: "service-endpoints@2", allowDirty: true, dryRun: false, yes: true });
    expect(plan.changes.map((c) => c.file.path)).toContain("main.ts");
    const kill = killedAfterRename(renamesBefore(dir, plan.changes, "main.ts") + 1);
    await expect(writeChanges(dir, plan.changes, { force: true }, kill)).rejects.toThrow();
    expect(fs.existsSync(join(dir, "main.ts"))).toBe(false);

    const next = runCli(["upgrade", dir, "--yes", "--allow-dirty", "--to", "service-endpoints@2"]);
    expect(next.stderr).toMatch(/an interrupted run left .* half written .*; rolled it back/);
    expect([0, 1]).toContain(next.code);
    expect(fs.readFileSync(join(dir, "main.ts"), "utf8")).toContain("// my edit");
    expect(leftovers(dir)).toEqual([]);
  });
});
