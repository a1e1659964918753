import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AWS_BLOCKS, type BlockTree } from "../../generator/eject/block-types";
import { eject } from "../../generator/eject/eject";
import { tmp } from "../support/cli";
import { plannable } from "../support/synth";
import { terraformOptedOut, terraformProblem } from "../support/terraform";
import {
  asCdktfStack,
  changesOf,
  type EjectedFixture,
  ejectAll,
  OFFLINE_PROVIDER,
  terraform,
  withoutAssumedRole,
  writeFiles,
  writeRoot,
} from "./support";

/**
 * The slow checks, kept lean: one terraform root calls every ejected stack of every fixture as a
 * child module (one init, one validate for all of them); two stacks are also validated as roots of their
 * own (a local and an s3 backend); and for one fixture per blueprint, each stack that reads nothing
 * from AWS is planned both as cdktf wrote it and as ejected, in one root, and the plans compared.
 */
const PLANNED = [
  "se1-interface-and-gateway",
  "se2-read-only-organization",
  "se3-organization-read-only",
  "es1-provider-and-consumers",
  "ec1-cross-region",
  "eh1-existing-tgw",
];
const ROOTS = [
  ["es1-provider-and-consumers", "consumer-111122223333"],
  ["eh1-ten-spokes-cross-account", "spoke-vpc-0000000000000a001"],
] as const;

const skip = terraformOptedOut() && terraformProblem() !== undefined;
(skip ? describe.skip : describe)("eject: the ejected stacks with real terraform and hashicorp/aws 5.100.0", () => {
  let root: string;
  let ejected: EjectedFixture[];
  let validateRoot: string;

  beforeAll(async () => {
    root = tmp("eject-tf");
    ejected = await ejectAll(join(root, "projects"));
    validateRoot = join(root, "projects");
    writeRoot(
      validateRoot,
      ejected.flatMap((e) =>
        e.ejection.stacks.map((s) => ({ name: `${e.fixture.name}__${s.id}`, path: `${e.fixture.name}/terraform/${s.id}` })),
      ),
    );
    await terraform(validateRoot, ["init", "-backend=false", "-input=false", "-no-color"]);
  });

  test("GIVEN every fixture ejected THEN every stack validates (each a module of one root)", async () => {
    // Every synthesized stack of every fixture is ejected, none dropped.
    for (const e of ejected) expect([e.fixture.name, e.ejection.stacks.length]).toEqual([e.fixture.name, e.synthesized.length]);
    const out = await terraform(validateRoot, ["validate", "-json", "-no-color"]);
    const result = JSON.parse(out) as { valid: boolean; diagnostics: { severity: string; summary: string; detail: string }[] };
    const unexpected = result.diagnostics.filter((d) => !/Backend configuration ignored/.test(d.summary));
    expect(unexpected).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test("GIVEN two ejected stacks as roots of their own (local and s3 backend) THEN init -backend=false and validate pass", async () => {
    await Promise.all(
      ROOTS.map(async ([fixture, stack]) => {
        const dir = join(validateRoot, fixture, "terraform", stack);
        await terraform(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
        expect(await terraform(dir, ["validate", "-no-color"])).toContain("Success! The configuration is valid.");
      }),
    );
  });

  test("THEN the block table matches the provider's schema for every type the fixtures use", async () => {
    const schema = JSON.parse(await terraform(validateRoot, ["providers", "schema", "-json"])).provider_schemas[
      "registry.terraform.io/hashicorp/aws"
    ];
    const tree = (b: { block_types?: Record<string, { block: unknown }> }): BlockTree =>
      Object.fromEntries(Object.entries(b.block_types ?? {}).map(([k, v]) => [k, tree(v.block as typeof b)]));
    const types = new Set(ejected.flatMap((e) => e.synthesized.flatMap((s) => Object.keys(s.json.resource ?? {}))));
    for (const type of types) expect([type, AWS_BLOCKS.resource[type]]).toEqual([type, tree(schema.resource_schemas[type].block)]);
    for (const type of Object.keys(AWS_BLOCKS.data)) expect(AWS_BLOCKS.data[type]).toEqual(tree(schema.data_source_schemas[type].block));
    expect(AWS_BLOCKS.provider).toEqual(tree(schema.provider.block));
  });

  test("GIVEN one fixture per blueprint THEN the ejected plan has the same resources and arguments as cdktf's, by renamed address", async () => {
    const planRoot = join(root, "plan");
    const pairs: { name: string; renames: ReadonlyMap<string, string> }[] = [];
    for (const name of PLANNED) {
      const e = ejected.find((x) => x.fixture.name === name)!;
      for (const stack of e.synthesized.filter(plannable).map(withoutAssumedRole)) {
        const pair = `${name}__${stack.id}`;
        const ejection = eject([asCdktfStack(stack)], join(planRoot, pair));
        writeFiles(join(planRoot, pair), [
          ["cdktf/cdk.tf.json", stack.text],
          ["cdktf/zz_offline_override.tf.json", OFFLINE_PROVIDER],
          ...ejection.files
            .filter((f) => f.path.startsWith(`${stack.id}/`))
            .map((f) => [`ejected/${f.path.slice(stack.id.length + 1)}`, f.content] as const),
          ["ejected/zz_offline_override.tf.json", OFFLINE_PROVIDER],
        ]);
        pairs.push({ name: pair, renames: ejection.stacks[0].renames });
      }
    }
    writeRoot(
      planRoot,
      pairs.flatMap((p) => [
        { name: `${p.name}__cdktf`, path: `${p.name}/cdktf` },
        { name: `${p.name}__ejected`, path: `${p.name}/ejected` },
      ]),
    );
    await terraform(planRoot, ["init", "-input=false", "-no-color"]);
    await terraform(planRoot, ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=plan.bin"]);
    const plan = JSON.parse(await terraform(planRoot, ["show", "-json", "plan.bin"]));
    writeFileSync(join(planRoot, "plan.json"), JSON.stringify(plan));
    let compared = 0;
    for (const p of pairs) {
      const before = changesOf(plan, `${p.name}__cdktf`);
      const after = changesOf(plan, `${p.name}__ejected`);
      expect(before.size).toBeGreaterThan(0);
      const mapped = new Map([...before].map(([address, change]) => [p.renames.get(address) ?? address, change]));
      expect([...after.keys()].sort()).toEqual([...mapped.keys()].sort());
      for (const [address, change] of mapped) {
        expect([address, after.get(address)]).toEqual([address, change]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  test("THEN the ejected files are as `terraform fmt` writes them", async () => {
    expect(await terraform(validateRoot, ["fmt", "-check", "-recursive", "-list=true", "."])).toBe("");
    expect(readFileSync(join(validateRoot, "es1-provider-and-consumers", "terraform", "README.md"), "utf8")).toContain("1. `provider`");
  });
});
