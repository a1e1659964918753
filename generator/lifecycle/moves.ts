import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byCodePoint } from "../../blueprints/lib/order";
import type { ResolvedAnswers } from "../answers/resolve";
import { instantiateStacks } from "../instantiate";
import { LINE_WIDTH } from "../plan/typescript-literal";

/**
 * Terraform `moved` blocks for an upgrade that renames resources. The
 * successors of zone-name versions name a subnet after its zone ID
 * (`private-subnet-az6`, not `private-subnet-a`), and its route table and
 * association with it: without a move, Terraform would destroy the deployed
 * subnets, and the endpoints in them, and create new ones. Both versions are
 * built in memory (no project code runs); a subnet is the same when the new
 * one's `availability_zone_id` is the ID of the old one's `availability_zone`,
 * and the other renamed resources follow their subnet's new name.
 */

/** One move: addresses in one stack. */
export interface Move {
  readonly from: string;
  readonly to: string;
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Each stack's resources (`type` → `name` → arguments), as the blueprint synthesizes them. */
export function synthesizedResources(resolved: ResolvedAnswers): Map<string, Resources> {
  const { App, TerraformStack, Testing } = require("../../blueprints/lib/cdktf") as typeof import("../../blueprints/lib/cdktf");
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-moves-"));
  try {
    const app = new App({ outdir, skipValidation: true });
    const stacks = instantiateStacks(app, resolved.entry, resolved.answers, "", resolved.facts);
    return new Map(
      [...stacks].map(([id, stack]) => [
        id,
        (JSON.parse(Testing.synth(TerraformStack.of(stack))) as { resource?: Resources }).resource ?? {},
      ]),
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const HASH = /_[0-9A-F]{8}$/;
const stripped = (name: string) => name.replace(HASH, "");

/** The moves per stack ID from `before` to `after`, given the zone name → ID mapping the upgrade used. */
export function resourceMoves(
  before: ReadonlyMap<string, Resources>,
  after: ReadonlyMap<string, Resources>,
  ids: ReadonlyMap<string, string>,
): Map<string, Move[]> {
  const moves = new Map<string, Move[]>();
  for (const [stackId, old] of before) {
    const now = after.get(stackId);
    if (!now) continue;
    const gone = (type: string) => Object.keys(old[type] ?? {}).filter((name) => !now[type]?.[name]);
    const added = (type: string) => Object.keys(now[type] ?? {}).filter((name) => !old[type]?.[name]);
    const found: Move[] = [];
    // Subnets: the same zone, by the account's mapping.
    const tokens: [string, string][] = [];
    for (const name of gone("aws_subnet")) {
      const zoneId = ids.get(String(old.aws_subnet![name]!.availability_zone));
      const twin = added("aws_subnet").find((n) => now.aws_subnet![n]!.availability_zone_id === zoneId);
      if (zoneId === undefined || twin === undefined) continue;
      found.push({ from: `aws_subnet.${name}`, to: `aws_subnet.${twin}` });
      const [a, b] = [stripped(name), stripped(twin)];
      let common = 0;
      while (common < a.length && a[common] === b[common]) common++;
      // Back to the start of the differing `-`-separated token (`…-subnet-a` / `…-subnet-az1`: `a` / `az1`).
      common = a.lastIndexOf("-", common - 1) + 1;
      tokens.push([a.slice(common), b.slice(common)]);
    }
    // The rest: the same name with the subnet's token renamed (`private-routes-a` → `private-routes-az6`).
    for (const type of Object.keys(old).sort(byCodePoint)) {
      if (type === "aws_subnet") continue;
      for (const name of gone(type)) {
        const want = tokens
          .map(([from, to]) => stripped(name).replace(new RegExp(`-${from}(?=-|$)`), `-${to}`))
          .find((candidate) => candidate !== stripped(name));
        const twin = want === undefined ? undefined : added(type).find((n) => stripped(n) === want);
        if (twin !== undefined) found.push({ from: `${type}.${name}`, to: `${type}.${twin}` });
      }
    }
    if (found.length > 0)
      moves.set(
        stackId,
        found.sort((x, y) => byCodePoint(x.from, y.from)),
      );
  }
  return moves;
}

/** Subnets of `before` that `after` neither keeps nor moves: Terraform would replace them. */
export function replacedSubnets(
  before: ReadonlyMap<string, Resources>,
  after: ReadonlyMap<string, Resources>,
  moves: ReadonlyMap<string, Move[]>,
): string[] {
  const out: string[] = [];
  for (const [stackId, old] of before) {
    const now = after.get(stackId) ?? {};
    for (const name of Object.keys(old.aws_subnet ?? {})) {
      const address = `aws_subnet.${name}`;
      if (!now.aws_subnet?.[name] && !(moves.get(stackId) ?? []).some((m) => m.from === address)) out.push(`${stackId}: ${address}`);
    }
  }
  return out.sort(byCodePoint);
}

const MOVES_START = "  // Upgraded from ";

/** main.ts without the moves an upgrade declared in it (`withMoves` undone): what the answers alone render. */
export function withoutMoves(mainTs: string): string {
  const start = mainTs.indexOf(`\n${MOVES_START}`);
  if (start < 0) return mainTs;
  const end = mainTs.indexOf("\n}\n", start);
  const kept = `${mainTs.slice(0, start - 1)}${mainTs.slice(end)}`;
  return kept.includes("TerraformStack.of(")
    ? kept
    : kept.replace('import { App, TerraformStack } from "./blueprints/lib/cdktf.ts";', 'import { App } from "./blueprints/lib/cdktf.ts";');
}

/**
 * main.ts with the moves declared at the end of `build()`, as `moved` blocks in
 * each stack's Terraform JSON. The upgrade's own lines: they merge into the
 * owner's main.ts like any other change of the new version.
 */
export function withMoves(mainTs: string, moves: ReadonlyMap<string, Move[]>, from: string): string {
  if (moves.size === 0) return mainTs;
  const start = mainTs.indexOf("export function build(app: App): void {");
  const end = start < 0 ? -1 : mainTs.indexOf("\n}\n", start);
  if (end < 0) return mainTs;
  const lines = [
    "",
    `${MOVES_START}${from}: resources the new version renames keep what is deployed (Terraform moved blocks).`,
    "  // Keep these until every workspace of this project has applied the upgrade.",
    ...[...moves].flatMap(([stackId, list]) => [
      `  TerraformStack.of(app.node.findChild(${JSON.stringify(stackId)})).addOverride("moved", [`,
      ...list.flatMap((m) => {
        const line = `    { from: ${JSON.stringify(m.from)}, to: ${JSON.stringify(m.to)} },`;
        // As Biome formats it: one line when it fits, else one property per line.
        return line.length <= LINE_WIDTH
          ? [line]
          : ["    {", `      from: ${JSON.stringify(m.from)},`, `      to: ${JSON.stringify(m.to)},`, "    },"];
      }),
      "  ]);",
    ]),
  ];
  const withBlock = `${mainTs.slice(0, end)}\n${lines.join("\n")}${mainTs.slice(end)}`;
  return withBlock.replace(
    'import { App } from "./blueprints/lib/cdktf.ts";',
    'import { App, TerraformStack } from "./blueprints/lib/cdktf.ts";',
  );
}
