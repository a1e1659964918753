import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "../../blueprints/pipeline/waves";
import { PIPELINE_FIXTURES } from "../fixtures/pipeline";
import { synthFixture } from "../support/synth";

/** cdktf's own manifest of a pipeline fixture, as `npm run synth` writes it. */
export async function fixtureManifest(name: string): Promise<Manifest> {
  const stacks = await synthFixture(PIPELINE_FIXTURES.find((f) => f.name === name)!);
  return JSON.parse(readFileSync(join(stacks[0].dir, "..", "..", "manifest.json"), "utf8")) as Manifest;
}
