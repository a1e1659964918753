import { chmodSync, cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";
import { runAndSignal, type SignalledRun } from "../support/signal";

const ACCOUNTS = Array.from({ length: 1000 }, (_, i) => String(100000000000 + i)).join(",");
const BIG = ["--yes", "--blueprint", "endpoint-service@1", "--layout", "provider-and-consumers", "--consumer-accounts", ACCOUNTS];

/** What an uninterrupted run writes. */
function complete(args: readonly string[]): Record<string, string> {
  const dir = join(tmp("complete"), "p");
  expect(runCli([dir, ...args]).code).toBe(0);
  return snapshotTree(dir);
}

/**
 * A run signalled before its end must not finish as if nothing had happened (exit 0).
 * Killed by the signal itself, it was still starting up (no handler yet) and nothing
 * may exist; else it exits 130 and says what is on disk.
 */
function expectHonest(run: SignalledRun, dir: string, full: Record<string, string>, before?: Record<string, string>): void {
  if (run.signal === "SIGINT") {
    expect(before ? snapshotTree(dir) : existsSync(dir)).toEqual(before ?? false);
    return;
  }
  expect(run.code).toBe(130);
  if (/the project was written/.test(run.stderr)) expect(snapshotTree(dir)).toEqual(full);
  else {
    expect(run.stderr).toMatch(/Interrupted: (rolled back; .* is as it was, )?nothing was written/);
    expect(before ? snapshotTree(dir) : existsSync(dir)).toEqual(before ?? false);
  }
}

describe("Ctrl-C and kill, after start-up, through the real CLI", () => {
  const full = complete(BIG);

  // The target folder appears when the run locks it, a few hundred ms before the end: the plan and the write.
  test.each([0, 30])(
    "GIVEN a 1,000-account run WHEN SIGINT arrives %d ms after the target folder appears THEN it never exits 0, and the message matches the folder",
    async (delay) => {
      const dir = join(tmp("sigint"), "p");
      const run = await runAndSignal([dir, ...BIG], "SIGINT", () => existsSync(dir), { delay });
      expectHonest(run, dir, full);
    },
  );

  test("GIVEN --install WHEN SIGINT arrives during npm install THEN exit 130 saying the project was written and npm install was not", async () => {
    const bin = tmp("fake-npm");
    writeFileSync(join(bin, "npm"), "#!/bin/sh\nsleep 30\n");
    chmodSync(join(bin, "npm"), 0o755);
    const dir = join(tmp("install"), "p");
    const run = await runAndSignal([dir, "--yes", "--install"], "SIGINT", ({ stderr }) => stderr.includes("npm install"), {
      env: { PATH: `${bin}${delimiter}${process.env.PATH}` },
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/Interrupted: the project was written; npm install was interrupted/);
    expect(run.stderr).not.toMatch(/nothing was written/);
    expect(Object.keys(snapshotTree(dir))).toEqual(Object.keys(complete(["--yes"])));
  });

  test.each([0, 30])(
    "GIVEN a 1,000-account upgrade WHEN SIGINT arrives %d ms after it locks the project THEN it never exits 0; the project is as it was or fully upgraded",
    async (delay) => {
      const dir = join(tmp("up-sigint"), "p");
      mkdirSync(dir);
      expect(runCli([dir, "--yes", "--blueprint", "service-endpoints@1", "--allowed-accounts", ACCOUNTS]).code).toBe(0);
      const before = snapshotTree(dir);
      const copy = join(tmp("up-copy"), "p");
      cpSync(dir, copy, { recursive: true });
      expect(runCli(["upgrade", copy, "--yes", "--allow-dirty", "--to", "service-endpoints@2"]).code).toBe(0);
      const after = snapshotTree(copy);

      const lock = join(dir, ".create-privatelink.lock");
      const run = await runAndSignal(
        ["upgrade", dir, "--yes", "--allow-dirty", "--to", "service-endpoints@2"],
        "SIGINT",
        () => existsSync(lock),
        { delay },
      );
      expect(run.code).not.toBe(0);
      expect([before, after]).toContainEqual(snapshotTree(dir));
      if (run.signal !== "SIGINT") expect(run.code).toBe(130);
    },
  );
});
