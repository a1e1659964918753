import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, snapshotTree, tmp } from "../support/cli";

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/internal error|\n\s+at /);

describe("the filesystem and the command line, at their edges", () => {
  test("`create-privatelink .` in an empty folder writes the project there and nothing in the working directory", () => {
    const dir = tmp("dot");
    expect(runCli([".", "--yes"], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, "main.ts"))).toBe(true);
    const cwd = tmp("cwd");
    runCli([join(tmp("elsewhere"), "p"), "--yes", "--dry-run"], { cwd });
    runCli([join(tmp("elsewhere"), "p"), "--yes"], { cwd });
    expect(readdirSync(cwd)).toEqual([]);
  });

  test("no staging folder is left behind, and the target holds only the project", () => {
    const dir = join(tmp("staging"), "p");
    runCli([dir, "--yes"]);
    expect(readdirSync(join(dir, "..")).filter((n) => n.startsWith(".create-privatelink"))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith(".create-privatelink"))).toEqual([]);
  });

  test("a target whose parent is a file, and a folder where the project has a file, are exit 2 with nothing changed", () => {
    const parent = tmp("parent-file");
    writeFileSync(join(parent, "f"), "hi");
    const underFile = runCli([join(parent, "f", "proj"), "--yes"]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toMatch(/`dir`: cannot write .* \((ENOTDIR|EEXIST)\)/);
    noTrace(underFile.stderr);

    const dir = tmp("folder-for-file");
    mkdirSync(join(dir, "main.ts"));
    const result = runCli([dir, "--yes", "--force"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/`dir`: main\.ts in .* is a folder or special file where the project has a file/);
    expect(snapshotTree(dir)).toEqual({});
  });

  if (process.getuid?.() !== 0) {
    test("a read-only target is exit 2, not a stack trace", () => {
      const dir = tmp("readonly");
      writeFileSync(join(dir, "x"), "");
      chmodSync(dir, 0o555);
      const result = runCli([dir, "--yes", "--force"]);
      chmodSync(dir, 0o755);
      expect(result.code).toBe(2);
      noTrace(result.stderr);
    });
  }

  test.each<[string, string[], RegExp]>([
    ["a flag given twice", ["--region", "us-east-1", "--region", "eu-west-1"], /`--region`: is given twice; expected it once/],
    ["a tag key given twice", ["--tag", "a=b", "--tag", "a=c"], /`tags\.a`: is given twice/],
    ["an option of another command", ["--to", "service-endpoints@2"], /`--to`: does not apply to create/],
    ["an empty directory name", [""], /`dir`: is empty; expected a directory name/],
    ["a project name that is an object property", ["--name", "constructor"], /--name: "constructor" is reserved/],
  ])("%s is exit 2", (_name, args, message) => {
    const parent = tmp("edge");
    const hasDir = args[0] === "";
    const { code, stderr } = runCli(hasDir ? [...args, "--yes"] : [join(parent, "p"), "--yes", ...args], { cwd: parent });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    noTrace(stderr);
    expect(readdirSync(parent)).toEqual([]);
  });

  test("check and upgrade on a corrupted .privatelink.json are exit 2", () => {
    const dir = join(tmp("corrupt"), "p");
    runCli([dir, "--yes"]);
    const provenance = join(dir, ".privatelink.json");
    const original = require("node:fs").readFileSync(provenance, "utf8");
    const both = ["check", "upgrade"];
    for (const [content, message, commands] of [
      ["{", /`\.privatelink\.json`: is not valid JSON/, both],
      [original.replace('"region": "us-east-1"', '"region": 5'), /`region`: expected a string, got the number 5/, ["upgrade"]], // check compares hashes, not answers
      [
        original.replace('"blueprint": "service-endpoints@4"', '"blueprint": "nope@1"'),
        /`\.privatelink\.json: blueprint`: "nope" is not a blueprint/,
        both,
      ],
      [
        original.replace('"files": {', '"files": { "../../etc/passwd": "00",'),
        /`\.privatelink\.json: files`: "\.\.\/\.\.\/etc\/passwd" is not a file of the project/,
        both,
      ],
      [
        original.replace('"suppressions": []', '"suppressions": [], "bogusKey": 1'),
        /`\.privatelink\.json: bogusKey`: is not a known answer/,
        both,
      ],
    ] as const) {
      writeFileSync(provenance, content);
      for (const command of commands) {
        const result = runCli(
          [command, dir, "--allow-dirty", ...(command === "upgrade" ? ["--yes"] : [])].filter(
            (a) => command === "upgrade" || a !== "--allow-dirty",
          ),
        );
        expect({ command, code: result.code }).toEqual({ command, code: 2 });
        expect(result.stderr).toMatch(message);
        noTrace(result.stderr);
      }
    }
  });

  test("upgrade takes new answers from --answers", () => {
    const dir = join(tmp("up-answers"), "p");
    runCli([dir, "--yes", "--blueprint", "service-endpoints@1"]);
    const answers = join(dir, "..", "a.json");
    writeFileSync(answers, JSON.stringify({ organizationId: "o-a1b2c3d4e5", readOnlyServices: [] }));
    const result = runCli(["upgrade", dir, "--to", "service-endpoints@2", "--answers", answers, "--allow-dirty"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(require("node:fs").readFileSync(join(dir, ".privatelink.json"), "utf8")).organizationId).toBe("o-a1b2c3d4e5");
  });
});

describe("a failed run leaves no folder it created", () => {
  test("GIVEN x/<300 characters> (a name too long for the file system) THEN exit 2, and x/ is not left behind", () => {
    const cwd = tmp("long-name");
    const result = runCli([`x/${"a".repeat(300)}`, "--yes"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ENAMETOOLONG/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("a prompt whose input ends", () => {
  test("GIVEN --interactive with standard input at its end THEN exit 2 naming the question and its flag, not 130 (that is Ctrl-C), nothing written", () => {
    const cwd = tmp("stdin-eof");
    const result = runCli(["p", "--interactive"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--blueprint: standard input ended before "Blueprint" was answered; pass --blueprint/);
    noTrace(result.stderr);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
