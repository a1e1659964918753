import * as fs from "node:fs";
import { join } from "node:path";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planProject } from "../../generator/plan/plan";
import { recoverInterrupted } from "../../generator/write/journal";
import { changesFor } from "../../generator/write/target";
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
    const moves = changes.map((c) => c.file.path);
    // Renames: the journal, then per file (old aside, new in). README.md is replaced: stop after its first rename.
    const readme = moves.indexOf("README.md");
    const renamesBefore = 1 + moves.slice(0, readme).filter((p) => before[p] !== undefined).length + readme;
    await expect(writeChanges(dir, changes, { force: true }, killedAfterRename(renamesBefore + 1))).rejects.toThrow();
    expect(fs.existsSync(join(dir, "README.md"))).toBe(false);
    expect(recoverInterrupted(dir)).toEqual([expect.stringMatching(/rolled it back/)]);
    expect(snapshotTree(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });
});
