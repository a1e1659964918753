import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { attribute, block, Expression, writeHcl, writeString, writeValue } from "../../generator/eject/hcl";
import { mapExpressions, templateParts } from "../../generator/eject/template";
import { tmp } from "../support/cli";
import { terraformOptedOut, terraformProblem } from "../support/terraform";
import { terraform } from "./support";

/** Strings as Terraform JSON holds them (templates); each must mean the same once written as HCL. */
const TRICKY: readonly string[] = [
  'say "hi"',
  "back\\slash and \\n not a newline",
  "two\nlines, no newline at the end",
  "a heredoc\n  indented line\n",
  "EOT\nthe marker on a line of its own\nEOT\n",
  "escaped $${not.interpolated} and %%{not a directive}",
  'x-${upper("a")}-y',
  '${jsonencode({ "a" = "}" })}',
  '${"only"}',
  "%{ if true }yes%{ endif }",
  "unicode é ✓ 😀 \u2028 tab\there \u0001 \u007f",
  'multi ${upper("line")}\nwith an interpolation\n',
  'heredoc keeps \\ and " as they are\n',
  "",
  "$",
  "100%",
];

describe("eject: the JSON→HCL writer", () => {
  test("GIVEN a lone interpolation THEN it is written bare", () => {
    expect(writeString("${aws_vpc.main.id}")).toBe("aws_vpc.main.id");
    expect(writeString("${aws_vpc.main.id}-x")).toBe('"${aws_vpc.main.id}-x"');
  });

  test("GIVEN quotes, backslashes, newlines and control characters THEN they are escaped outside interpolations only", () => {
    expect(writeString('a "b" \\ c\nd\te\u0001')).toBe('"a \\"b\\" \\\\ c\\nd\\te\\u0001"');
    expect(writeString('x ${f("q")} y')).toBe('"x ${f("q")} y"');
    expect(writeString("$${x} %%{y}")).toBe('"$${x} %%{y}"');
  });

  test("GIVEN several lines ending in a newline THEN a heredoc, with a marker that is on none of its lines", () => {
    expect(writeString("a\nb\n")).toBe("<<EOT\na\nb\nEOT");
    expect(writeString("EOT\n")).toBe("<<EOT2\nEOT\nEOT2");
  });

  test("GIVEN templates THEN interpolations are split out with nested braces and quoted strings", () => {
    expect(templateParts('a${f({ "x" = "}" })}b%{ if c }d%{ endif }')).toEqual([
      { kind: "literal", text: "a" },
      { kind: "interpolation", text: '${f({ "x" = "}" })}' },
      { kind: "literal", text: "b" },
      { kind: "interpolation", text: "%{ if c }" },
      { kind: "literal", text: "d" },
      { kind: "interpolation", text: "%{ endif }" },
    ]);
    expect(mapExpressions("$${a.b} ${a.b}", (e) => e.toUpperCase())).toBe("$${a.b} ${A.B}");
  });

  test("GIVEN maps, lists and blocks THEN attributes align as terraform fmt does and keys are quoted when needed", () => {
    const hcl = writeHcl([
      block(
        "resource",
        ["aws_vpc", "main"],
        [
          attribute("cidr_block", "10.0.0.0/16"),
          attribute("tags", { Name: "main", "aws:x y": "1", null: "keyword" }),
          attribute("ids", ["a", "b"]),
          block("timeouts", [], [attribute("create", "5m")]),
          attribute("depends_on", new Expression("[aws_x.y]")),
        ],
      ),
    ]);
    expect(hcl).toBe(
      [
        'resource "aws_vpc" "main" {',
        '  cidr_block = "10.0.0.0/16"',
        "  tags = {",
        '    Name      = "main"',
        '    "aws:x y" = "1"',
        '    "null"    = "keyword"',
        "  }",
        '  ids = ["a", "b"]',
        "",
        "  timeouts {",
        '    create = "5m"',
        "  }",
        "  depends_on = [aws_x.y]",
        "}",
        "",
      ].join("\n"),
    );
    expect(writeValue([], 0)).toBe("[]");
    expect(writeValue({}, 0)).toBe("{}");
    expect(writeValue(null, 0)).toBe("null");
  });

  const skip = terraformOptedOut() && terraformProblem() !== undefined;
  (skip ? test.skip : test)("GIVEN tricky strings THEN terraform reads the HCL as the same values as the JSON", async () => {
    const dir = tmp("eject-hcl");
    const valid: unknown[] = [...TRICKY, { "aws:x y": "1", null: ["a", { true: false }], Name: "n\n" }];
    writeFileSync(
      join(dir, "json.tf.json"),
      JSON.stringify({ output: Object.fromEntries(valid.map((s, i) => [`json_${i}`, { value: s }])) }),
    );
    writeFileSync(join(dir, "hcl.tf"), writeHcl(valid.map((s, i) => block("output", [`hcl_${i}`], [attribute("value", s)]))));
    await terraform(dir, ["init", "-input=false", "-no-color"]);
    await terraform(dir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    const outputs = JSON.parse(await terraform(dir, ["output", "-json"])) as Record<string, { value: unknown }>;
    valid.forEach((s, i) => {
      expect([s, outputs[`hcl_${i}`].value]).toEqual([s, outputs[`json_${i}`].value]);
    });
    expect(outputs.hcl_0.value).toBe('say "hi"');
  });
});
