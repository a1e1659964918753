import { chunksOf, MATRIX_LIMIT, type Manifest, matrixOutputs, wavesMarkdown, wavesOf } from "../../blueprints/pipeline/waves";
import { fixtureManifest } from "./support";

const manifest = (deps: Record<string, string[]>): Manifest => ({
  stacks: Object.fromEntries(Object.entries(deps).map(([id, dependencies]) => [id, { dependencies }])),
});

describe("apply waves from cdktf's stack dependencies", () => {
  test("GIVEN a diamond THEN each stack runs in the wave after its latest dependency, in the manifest's order", () => {
    const waves = wavesOf(manifest({ a: [], c: ["a"], b: ["a"], d: ["b", "c"], e: ["a", "d"], f: [] }));
    expect(waves).toEqual([["a", "f"], ["c", "b"], ["d"], ["e"]]);
  });

  test("GIVEN a dependency the manifest lacks, or a cycle THEN an error names the stack", () => {
    expect(() => wavesOf(manifest({ a: ["ghost"] }))).toThrow("stack a depends on ghost, which is not a stack of the manifest");
    expect(() => wavesOf(manifest({ a: ["b"], b: ["a"] }))).toThrow(/depends on itself/);
  });

  test("GIVEN a chain of 5,000 stacks THEN 5,000 waves, one stack each", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `s${i}`);
    const waves = wavesOf(manifest(Object.fromEntries(ids.map((id, i) => [id, i === 0 ? [] : [ids[i - 1]]]))));
    expect(waves).toHaveLength(5000);
  });

  test("GIVEN 1,000 stacks in one wave THEN 256 matrix jobs of 3 or 4 consecutive stacks hold each stack once", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `consumer-${String(i).padStart(4, "0")}`);
    const chunks = chunksOf(ids);
    expect(chunks).toHaveLength(MATRIX_LIMIT);
    expect(new Set(chunks.map((c) => c.split(" ").length))).toEqual(new Set([3, 4]));
    expect(chunks.flatMap((c) => c.split(" "))).toEqual(ids);
    // AND up to the limit, one stack to a job
    expect(chunksOf(ids.slice(0, 256))).toEqual(ids.slice(0, 256));
    expect(chunksOf([])).toEqual([]);
  });

  test("GIVEN a provider, 1,000 consumers and an acceptance THEN every output stays within GitHub's matrix limit", () => {
    const consumers = Array.from({ length: 1000 }, (_, i) => `consumer-${i}`);
    const outputs = matrixOutputs(
      manifest({ provider: [], ...Object.fromEntries(consumers.map((c) => [c, ["provider"]])), acceptance: ["provider", ...consumers] }),
      4,
    );
    const parsed = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, JSON.parse(v) as string[]]));
    expect(Object.keys(parsed)).toEqual(["plan", "wave_1", "wave_2", "wave_3", "wave_4"]);
    expect(parsed.plan).toHaveLength(256);
    expect(parsed.wave_1).toEqual(["provider"]);
    expect(parsed.wave_2).toHaveLength(256);
    expect(parsed.wave_2.flatMap((c) => c.split(" "))).toEqual(consumers);
    expect(parsed.wave_3).toEqual(["acceptance"]);
    // AND a wave job with no stacks gets an empty matrix, which its `if` skips
    expect(parsed.wave_4).toEqual([]);
  });

  test("GIVEN more waves than the workflow's wave jobs THEN it stops before anything runs, naming the job to add", () => {
    expect(() => matrixOutputs(manifest({ a: [], b: ["a"], c: ["b"] }), 2)).toThrow(
      "cdktf.out has 3 waves of stacks, and the apply workflow has 2 wave jobs: add a job wave_3",
    );
  });

  test("GIVEN waves THEN the job summary lists them", () => {
    expect(wavesMarkdown([["a"], ["b", "c"]])).toBe(
      "| Wave | Stacks | IDs |\n| --- | --- | --- |\n| 1 | 1 | `a` |\n| 2 | 2 | `b`, `c` |\n",
    );
  });

  test("GIVEN the 25-consumer endpoint-service fixture THEN the waves are provider, the 25 consumers, acceptance", async () => {
    const waves = wavesOf(await fixtureManifest("es3-pipeline-25-consumers"));
    const consumers = Array.from({ length: 25 }, (_, i) => `consumer-${String(111100000000 + i * 1111).padStart(12, "0")}`);
    expect(waves).toEqual([["provider"], consumers, ["acceptance"]]);
  });

  test("GIVEN the 10-spoke hub fixture THEN the waves are the hub, then the 10 spokes side by side", async () => {
    const waves = wavesOf(await fixtureManifest("eh2-pipeline-ten-spokes"));
    const spokes = Array.from({ length: 10 }, (_, i) => `spoke-vpc-${(0xa000 + i + 1).toString(16).padStart(17, "0")}`);
    expect(waves).toEqual([["hub"], spokes]);
  });
});
