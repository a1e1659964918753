import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Manifest, wavesOf } from "../../blueprints/pipeline/waves";
import { ALL_FIXTURES } from "../fixtures";
import { synthFixture } from "../support/synth";

describe("every fixture: the apply waves follow cdktf's own stack dependencies", () => {
  test.each(ALL_FIXTURES.map((f) => [f.name, f] as const))(
    "%s: each stack after all it depends on, and as early as they allow",
    async (_name, fixture) => {
      const stacks = await synthFixture(fixture);
      const manifest = JSON.parse(readFileSync(join(stacks[0].dir, "..", "..", "manifest.json"), "utf8")) as Manifest;
      const waves = wavesOf(manifest);
      const waveOf = new Map(waves.flatMap((ids, at) => ids.map((id) => [id, at] as const)));
      // THEN every stack cdktf synthesized is in exactly one wave
      expect(waves.flat().sort()).toEqual(stacks.map((s) => s.id).sort());
      for (const [id, stack] of Object.entries(manifest.stacks)) {
        const deps = stack.dependencies ?? [];
        // AND all it depends on is applied in earlier waves
        for (const dep of deps) expect([id, dep, waveOf.get(dep)! < waveOf.get(id)!]).toEqual([id, dep, true]);
        // AND it waits for nothing else: wave 1 without dependencies, else right after its latest one
        const earliest = deps.length === 0 ? 0 : Math.max(...deps.map((d) => waveOf.get(d)!)) + 1;
        expect([id, waveOf.get(id)]).toEqual([id, earliest]);
      }
    },
  );
});
