import * as fs from "node:fs";
import { join } from "node:path";
import { sha256 } from "../../generator/provenance";
import { recoverInterrupted } from "../../generator/write/journal";
import type { FileChange } from "../../generator/write/target";
import { type WriterFs, writeChanges } from "../../generator/write/write";
import { tmp } from "../support/cli";

/**
 * Recovery, proven by fault injection at every step: the writer's file system
 * dies (every call fails from then on, as after a SIGKILL) at its Nth call, for
 * every N; the next run's recovery dies at its Mth call, for every M; then a
 * recovery runs to its end. The folder is then exactly as before the write, or,
 * when the write had committed, exactly as after it: every file comes back,
 * and nothing of the tool's is left. Over the three kinds of writes: a new
 * project, `--force` over the user's files (with backups), and an upgrade
 * (files replaced, created and deleted).
 */

const METHODS = [
  "existsSync",
  "lstatSync",
  "mkdirSync",
  "mkdtempSync",
  "readdirSync",
  "renameSync",
  "rmdirSync",
  "rmSync",
  "statSync",
  "unlinkSync",
  "writeFileSync",
] as const;

/** node's own calls, by name. */
const real = { ...fs } as unknown as Record<(typeof METHODS)[number], (...args: unknown[]) => unknown>;

/** node's file system for `budget` calls, then dead; `calls()` counts them (all of them when the budget is Infinity). */
function dyingAfter(budget: number): { fs: WriterFs; calls: () => number } {
  let calls = 0;
  const wrapped = Object.fromEntries(
    METHODS.map((name) => [
      name,
      (...args: unknown[]) => {
        if (++calls > budget) throw Object.assign(new Error("killed"), { code: "EKILLED" });
        return real[name](...args);
      },
    ]),
  ) as unknown as WriterFs;
  return { fs: wrapped, calls: () => calls };
}

/** Every file below `dir`, backup folders' run names made stable; symbolic links as their targets. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = join(d, name);
      const key = full.slice(dir.length + 1).replace(/(\.create-privatelink-backup\/)[^/]+/, "$1<run>");
      const stat = fs.lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else out[key] = stat.isSymbolicLink() ? `-> ${fs.readlinkSync(full)}` : fs.readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return out;
}

interface Scenario {
  readonly name: string;
  /** The folder before the write. */
  readonly files: Readonly<Record<string, string>>;
  readonly changes: readonly FileChange[];
  readonly force: boolean;
  /** Hashes of generated content: replaced files with other content are backed up. */
  readonly generated?: ReadonlySet<string>;
}

const file = (path: string, content: string) => ({ path, content });
const SCENARIOS: readonly Scenario[] = [
  {
    name: "a new project",
    files: {},
    force: false,
    changes: [
      { file: file("main.ts", "new main\n"), change: "create" },
      { file: file("blueprints/lib/a.ts", "new a\n"), change: "create" },
      { file: file("test/main.test.ts", "new test\n"), change: "create" },
    ],
  },
  {
    name: "--force over the user's files (one backed up, one generated before)",
    files: { "README.md": "the user's readme\n", "main.ts": "generated main\n", "notes.txt": "the user's notes\n" },
    force: true,
    generated: new Set([sha256("generated main\n")]),
    changes: [
      { file: file("README.md", "new readme\n"), change: "overwrite", before: "the user's readme\n" },
      { file: file("main.ts", "new main\n"), change: "overwrite", before: "generated main\n" },
      { file: file("scripts/cdktf.mjs", "new script\n"), change: "create" },
    ],
  },
  {
    name: "an upgrade (replaced, deleted, created)",
    files: { "main.ts": "v1 main with edits\n", "blueprints/x/v1/a.ts": "v1 a\n", "package.json": "{}\n" },
    force: true,
    changes: [
      { file: file("main.ts", "v2 main with edits\n"), change: "overwrite", before: "v1 main with edits\n" },
      { file: file("blueprints/x/v1/a.ts", ""), change: "delete", before: "v1 a\n" },
      { file: file("blueprints/x/v2/a.ts", "v2 a\n"), change: "create" },
    ],
  },
];

function folderWith(files: Readonly<Record<string, string>>): string {
  const dir = join(tmp("faults"), "p");
  fs.mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    fs.mkdirSync(join(dir, path, ".."), { recursive: true });
    fs.writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe("recovery is idempotent: a kill at every call of the write, then at every call of the recovery", () => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))(
    "%s",
    async (_name, scenario) => {
      const write = (dir: string, fsys: WriterFs) =>
        writeChanges(dir, scenario.changes, { force: scenario.force, generated: scenario.generated, stamp: "20261205T000000Z" }, fsys);
      // What the folder holds before, and after a write that is not interrupted.
      const reference = folderWith(scenario.files);
      const before = tree(reference);
      const clean = dyingAfter(Number.POSITIVE_INFINITY);
      await write(reference, clean.fs);
      const after = tree(reference);
      fs.rmSync(join(reference, ".."), { recursive: true, force: true });
      const writeCalls = clean.calls();
      expect(writeCalls).toBeGreaterThan(10);

      let cases = 0;
      for (let n = 1; n <= writeCalls; n++) {
        const killed = folderWith(scenario.files);
        await write(killed, dyingAfter(n).fs).catch(() => undefined);
        // How many calls a whole recovery of this state makes.
        const probe = join(tmp("faults-probe"), "p");
        fs.cpSync(killed, probe, { recursive: true, verbatimSymlinks: true });
        const full = dyingAfter(Number.POSITIVE_INFINITY);
        recoverInterrupted(probe, full.fs);
        // every case's folders are removed once read: thousands of cases per run
        fs.rmSync(join(probe, ".."), { recursive: true, force: true });
        for (let m = 1; m <= full.calls() + 1; m++) {
          const dir = join(tmp("faults-recover"), "p");
          fs.cpSync(killed, dir, { recursive: true, verbatimSymlinks: true });
          try {
            recoverInterrupted(dir, dyingAfter(m).fs);
          } catch {
            // killed during recovery: the next run recovers again
          }
          recoverInterrupted(dir);
          recoverInterrupted(dir); // and once more: nothing left to do, nothing changes
          const now = tree(dir);
          const same = JSON.stringify(now) === JSON.stringify(before) || JSON.stringify(now) === JSON.stringify(after);
          expect({ n, m, same, now }).toEqual({ n, m, same: true, now: expect.anything() });
          fs.rmSync(join(dir, ".."), { recursive: true, force: true });
          cases++;
        }
        fs.rmSync(join(killed, ".."), { recursive: true, force: true });
      }
      expect(cases).toBeGreaterThan(writeCalls);
    },
    300000,
  );
});
