import * as fs from "node:fs";
import { join } from "node:path";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planProject } from "../../generator/plan/plan";
import { Interrupted } from "../../generator/signals";
import { changesFor } from "../../generator/write/target";
import { type WriterFs, writeChanges } from "../../generator/write/write";
import { snapshotTree, tmp } from "../support/cli";

/** node's file system, but the `n`th move into place fails as a full disk would. */
function failingOnMove(n: number): WriterFs {
  let moves = 0;
  return {
    ...fs,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      // Moves out of the staging folder's "new" tree are the moves into place; rollbacks are not counted.
      if (String(from).includes(`${join("/", "new", "")}`) && ++moves === n) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${String(from)}'`), { code: "ENOSPC", path: String(to) });
      }
      fs.renameSync(from, to);
    },
  };
}

async function plannedFiles() {
  const resolved = await resolveAnswers({ flags: { projectName: "proj" } }, { yes: true });
  return planProject(resolved).files;
}

describe("the writer, with a file system that fails on purpose", () => {
  test("GIVEN a folder with the user's files WHEN the 10th move fails THEN the folder is exactly as it was, and the error names it (exit 2)", async () => {
    const dir = tmp("fail");
    fs.writeFileSync(join(dir, "mine.txt"), "keep me");
    fs.mkdirSync(join(dir, "blueprints"));
    fs.writeFileSync(join(dir, "main.ts"), "// the user's own main.ts\n");
    const before = snapshotTree(dir);
    const changes = changesFor(dir, await plannedFiles());
    await expect(writeChanges(dir, changes, { force: true }, failingOnMove(10))).rejects.toThrow(
      /cannot write .* \(ENOSPC\).*nothing was changed/,
    );
    expect(snapshotTree(dir)).toEqual(before);
    expect(fs.existsSync(join(dir, "test"))).toBe(false);
  });

  test("GIVEN a new folder WHEN the 5th move fails THEN the folder is not left behind", async () => {
    const fresh = join(tmp("fail-new"), "proj");
    const changes = changesFor(fresh, await plannedFiles());
    await expect(writeChanges(fresh, changes, { force: false }, failingOnMove(5))).rejects.toThrow(/ENOSPC/);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  test("GIVEN a full disk while staging THEN the error names the user's path, not the staging folder", async () => {
    const fresh = join(tmp("fail-stage"), "proj");
    const full: WriterFs = {
      ...fs,
      writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
        if (String(file).endsWith(join("new", "main.ts")))
          throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC", path: String(file) });
        fs.writeFileSync(file, data, options);
      },
    };
    const error = await writeChanges(fresh, changesFor(fresh, await plannedFiles()), { force: false }, full).catch((e: Error) => e);
    expect(String(error)).toMatch(/cannot write \S*proj\/main\.ts \(ENOSPC\).*nothing was changed/);
    expect(String(error)).not.toMatch(/staging/);
  });

  test("GIVEN a signal recorded after the 7th file THEN the writer rolls back and throws Interrupted with the signal", async () => {
    const dir = tmp("signal");
    fs.writeFileSync(join(dir, "README.md"), "mine");
    const before = snapshotTree(dir);
    let checks = 0;
    const interrupted = () => (++checks > 7 ? ("SIGTERM" as const) : undefined);
    const error = await writeChanges(dir, changesFor(dir, await plannedFiles()), { force: true, interrupted }).catch((e) => e);
    expect(error).toBeInstanceOf(Interrupted);
    expect(error).toMatchObject({ signal: "SIGTERM", message: expect.stringMatching(/rolled back; .* is as it was/) });
    expect(snapshotTree(dir)).toEqual(before);
  });

  test("GIVEN node's own file system THEN every planned file is written", async () => {
    const fresh = join(tmp("ok"), "proj");
    const files = await plannedFiles();
    await writeChanges(fresh, changesFor(fresh, files), { force: false });
    for (const file of files) expect(fs.readFileSync(join(fresh, file.path), "utf8")).toBe(file.content);
  });
});
