import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "../../blueprints/lib/cdktf";
import type { ResolvedAnswers } from "../../generator/answers/resolve";
import { resolveAnswers } from "../../generator/answers/resolve";
import { instantiateStacks } from "../../generator/instantiate";
import type { TfJson } from "./tf-json";

/** A named answers set: one variant of a blueprint. */
export interface Fixture {
  readonly name: string;
  /** What the variant shows. */
  readonly description: string;
  readonly answers: Readonly<Record<string, unknown>>;
}

export interface SynthesizedStack {
  readonly id: string;
  readonly dir: string;
  /** cdk.tf.json as cdktf wrote it. */
  readonly text: string;
  readonly json: TfJson;
}

/** The answers of a fixture, resolved as the CLI does with --yes. */
export async function fixtureAnswers(fixture: Fixture): Promise<ResolvedAnswers> {
  return resolveAnswers({ file: { projectName: fixture.name, ...fixture.answers } }, { yes: true });
}

/** Synthesizes every stack of a fixture into a fresh folder, as `cdktf synth` would. */
export async function synthFixture(fixture: Fixture): Promise<SynthesizedStack[]> {
  const { entry, answers } = await fixtureAnswers(fixture);
  const outdir = mkdtempSync(join(tmpdir(), `privatelink-${fixture.name}-`));
  const app = new App({ outdir });
  const stacks = instantiateStacks(app, entry, answers);
  app.synth();
  return [...stacks.keys()].map((id) => {
    const dir = join(outdir, "stacks", id);
    const text = readFileSync(join(dir, "cdk.tf.json"), "utf8");
    return { id, dir, text, json: JSON.parse(text) as TfJson };
  });
}

/** True when the stack reads nothing from AWS (no data sources), so it can be planned offline. */
export function plannable(stack: SynthesizedStack): boolean {
  return Object.keys(stack.json.data ?? {}).length === 0;
}
