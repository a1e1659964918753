import { join } from "node:path";
import { byCodePoint } from "../../blueprints/lib/order";
import { runCli, snapshotTree, tmp } from "../support/cli";

/** Same answers, byte-identical files, whatever the machine's locale. */
describe("the order of what the tool writes does not follow the locale", () => {
  test("GIVEN LANG=et_EE.UTF-8 (z sorts between s and t) THEN the generated project is byte for byte the one made under the default locale", () => {
    const made = (label: string, env: NodeJS.ProcessEnv) => {
      const dir = join(tmp(label), "proj");
      const result = runCli([dir, "--yes", "--region", "eu-west-1"], { env });
      expect(result.code).toBe(0);
      return snapshotTree(dir);
    };
    const estonian = made("locale-et", { LANG: "et_EE.UTF-8", LC_ALL: "et_EE.UTF-8" });
    const plain = made("locale-c", { LANG: "C.UTF-8", LC_ALL: "C.UTF-8" });
    expect(estonian).toEqual(plain);
    // .privatelink.json lists its files in code-point order (README.md before main.ts, stable-zones before tags before zone-rules)
    const files = Object.keys(JSON.parse(plain[".privatelink.json"]).files);
    expect(files).toEqual([...files].sort(byCodePoint));
    expect(files.indexOf("README.md")).toBeLessThan(files.indexOf("main.ts"));
  });

  test("byCodePoint orders by code point, not by UTF-16 unit or locale", () => {
    expect(["zone", "tags", "stable", "Zebra", "\u{1F600}", "\uFF5E"].sort(byCodePoint)).toEqual([
      "Zebra",
      "stable",
      "tags",
      "zone",
      "\uFF5E",
      "\u{1F600}",
    ]);
  });
});
