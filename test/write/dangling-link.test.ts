import * as fs from "node:fs";
import { join } from "node:path";
import { resolveAnswers } from "../../generator/answers/resolve";
import { planProject } from "../../generator/plan/plan";
import { changesFor } from "../../generator/write/target";
import { type WriterFs, writeChanges } from "../../generator/write/write";
import { runCli, tmp } from "../support/cli";

/**
 * A symbolic link where the project has a file, dangling or not, is the user's:
 * `--force` replaces it as a whole, lists it, and keeps the link itself in the
 * backup folder (never writing through it); a run that fails puts it back.
 * `existsSync` does not see a dangling link, so the writer asks `lstat`.
 */

const linkAt = (path: string) => (fs.lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.readlinkSync(path) : undefined);

describe("a dangling symbolic link at a generated path", () => {
  it("--force lists it as replaced and keeps the link itself in the run's backup folder", () => {
    const dir = join(tmp("dangling"), "proj");
    fs.mkdirSync(dir);
    fs.symlinkSync("nowhere/README.md", join(dir, "README.md"));
    const result = runCli([dir, "--yes", "--force"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Replaced 1 existing file\(s\): README\.md\./);
    expect(linkAt(join(dir, "README.md"))).toBeUndefined();
    expect(fs.readFileSync(join(dir, "README.md"), "utf8")).toMatch(/^# proj/);
    const backups = fs.readdirSync(join(dir, ".create-privatelink-backup")).filter((n) => n !== ".gitignore");
    expect(backups).toHaveLength(1);
    expect(linkAt(join(dir, ".create-privatelink-backup", backups[0]!, "README.md"))).toBe("nowhere/README.md");
  });

  it("a dry run shows it as a change, the link named", () => {
    const dir = join(tmp("dangling-dry"), "proj");
    fs.mkdirSync(dir);
    fs.symlinkSync("nowhere", join(dir, "main.ts"));
    const result = runCli([dir, "--yes", "--force", "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-(a symbolic link to "nowhere")');
    expect(linkAt(join(dir, "main.ts"))).toBe("nowhere");
  });

  it("a run that fails after moving it aside puts the link back, as it was", async () => {
    const dir = join(tmp("dangling-fail"), "proj");
    fs.mkdirSync(dir);
    fs.symlinkSync("nowhere/README.md", join(dir, "README.md"));
    const resolved = await resolveAnswers({ flags: { projectName: "proj" } }, { yes: true });
    const changes = changesFor(dir, planProject(resolved).files);
    let moves = 0;
    const failing: WriterFs = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        // every move into place but the last succeeds: README.md's link is already aside by then
        if (String(from).includes(join("/", "new", "")) && ++moves === changes.length)
          throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC", path: String(to) });
        fs.renameSync(from, to);
      },
    };
    await expect(writeChanges(dir, changes, { force: true }, failing)).rejects.toThrow(/ENOSPC.*nothing was changed/);
    expect(linkAt(join(dir, "README.md"))).toBe("nowhere/README.md");
    expect(fs.readdirSync(dir)).toEqual(["README.md"]);
  });
});
