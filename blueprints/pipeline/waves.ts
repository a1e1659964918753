/**
 * Apply waves from cdktf's own stack dependencies (`cdktf.out/manifest.json`): a stack runs in the wave after the
 * last of its dependencies, so every wave is a set of stacks that can be applied side by side. The generator sizes
 * the workflow with it, and the workflow runs it on every synth (`waves-cli.ts`), so a stack added in main.ts is
 * planned and applied without regenerating anything. No imports: it runs as it is, with Node's type stripping.
 */

/** A stack of `cdktf.out/manifest.json`, as far as the pipeline reads it. */
export interface ManifestStack {
  readonly dependencies?: readonly string[];
}

/** `cdktf.out/manifest.json`, as far as the pipeline reads it. */
export interface Manifest {
  readonly stacks: Readonly<Record<string, ManifestStack>>;
}

/** GitHub starts at most 256 jobs from one matrix: above it, stacks are chunked, several to a job. */
export const MATRIX_LIMIT = 256;

/**
 * The waves of a manifest: wave 1 holds the stacks without dependencies, and each other stack is in the wave after
 * its latest dependency (the earliest it can run). Stacks keep the manifest's order (main.ts's) within a wave.
 * Linear in stacks and dependencies; a dependency the manifest lacks, or a cycle, is an error.
 */
export function wavesOf(manifest: Manifest): string[][] {
  const ids = Object.keys(manifest.stacks);
  const wave = new Map<string, number>();
  const visiting = new Set<string>();
  const waveOf = (id: string): number => {
    const known = wave.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`cdktf.out/manifest.json: stack ${id} depends on itself through its dependencies`);
    visiting.add(id);
    let at = 0;
    for (const dependency of manifest.stacks[id].dependencies ?? []) {
      if (!Object.hasOwn(manifest.stacks, dependency))
        throw new Error(`cdktf.out/manifest.json: stack ${id} depends on ${dependency}, which is not a stack of the manifest`);
      at = Math.max(at, waveOf(dependency) + 1);
    }
    visiting.delete(id);
    wave.set(id, at);
    return at;
  };
  const waves: string[][] = [];
  for (const id of ids) {
    const at = waveOf(id);
    while (waves.length <= at) waves.push([]);
  }
  for (const id of ids) waves[wave.get(id) as number].push(id);
  return waves;
}

/**
 * Stacks as matrix entries: one stack to a job up to `limit`, else `limit` jobs of consecutive stacks, their sizes
 * differing by one at most. Each entry is the stacks' IDs separated by spaces.
 */
export function chunksOf(ids: readonly string[], limit: number = MATRIX_LIMIT): string[] {
  const jobs = Math.min(ids.length, limit);
  const chunks: string[] = [];
  for (let job = 0; job < jobs; job++) {
    const from = Math.floor((job * ids.length) / jobs);
    const to = Math.floor(((job + 1) * ids.length) / jobs);
    chunks.push(ids.slice(from, to).join(" "));
  }
  return chunks;
}

/** The workflow's job outputs: every stack's chunks for the plan, and each wave job's chunks for the apply. */
export function matrixOutputs(manifest: Manifest, waveJobs: number, limit: number = MATRIX_LIMIT): Record<string, string> {
  const waves = wavesOf(manifest);
  if (waves.length > waveJobs)
    throw new Error(
      `cdktf.out has ${waves.length} waves of stacks, and the apply workflow has ${waveJobs} wave jobs: add a job wave_${waves.length} to .github/workflows/privatelink-apply.yml (a copy of the last, needing it), or regenerate the workflow`,
    );
  const outputs: Record<string, string> = { plan: JSON.stringify(chunksOf(waves.flat(), limit)) };
  for (let at = 0; at < waveJobs; at++) outputs[`wave_${at + 1}`] = JSON.stringify(chunksOf(waves[at] ?? [], limit));
  return outputs;
}

/** The waves as a Markdown table, for the job summary. */
export function wavesMarkdown(waves: readonly (readonly string[])[]): string {
  const rows = waves.map((ids, at) => `| ${at + 1} | ${ids.length} | ${ids.map((id) => `\`${id}\``).join(", ")} |`);
  return ["| Wave | Stacks | IDs |", "| --- | --- | --- |", ...rows, ""].join("\n");
}
