import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { duplicateKey } from "../../generator/answers/duplicate-keys";
import { runCli, tmp } from "../support/cli";

describe("an answers file that gives a key twice", () => {
  test("GIVEN region twice THEN exit 2 naming region, nothing written (JSON.parse would keep the last silently)", () => {
    const dir = tmp("dup-keys");
    const answers = join(dir, "answers.json");
    writeFileSync(answers, '{"region": "eu-west-1", "services": ["ssm"], "region": "us-east-1"}');
    const result = runCli([join(dir, "p"), "--answers", answers, "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/`region`: is given twice in .*answers\.json; JSON would keep only the last/);
  });

  test("the path of the first repeated key, at any depth; equal keys in different objects are not repeats", () => {
    expect(duplicateKey('{"a": 1, "b": {"c": 1, "c": 2}}')).toBe("b.c");
    expect(duplicateKey('{"consumers": [{"account": "1"}, {"account": "2", "vpcId": "v", "account": "3"}]}')).toBe("consumers[1].account");
    expect(duplicateKey('{"a": "x\\",\\"a\\": 1", "b": [[{"a": 1}], {"a": 2}]}')).toBeUndefined();
    expect(duplicateKey('{"\\u0061": 1, "a": 2}')).toBe("a");
    expect(duplicateKey("[1, 2]")).toBeUndefined();
  });
});
