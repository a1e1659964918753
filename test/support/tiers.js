/**
 * What the two test tiers share: their settings, and which suites are the full tier's.
 * - `npm test` (`jest.config.js`): typecheck, Biome, unit, snapshot and intent tests, the CLI
 *   tests, the lint and the scenario table, and the real terraform on one fixture per
 *   blueprint version. Minutes, on two cores.
 * - `npm run test:full` (`jest.full.config.js`): the suites named in `FULL_TIER` below —
 *   every fixture through terraform, generated projects on Node 20, 22 and 24, the
 *   registry, eject plans. CI runs both (`.ci/run`).
 * Jest runs the TypeScript sources through ts-jest in transpile-only mode
 * (tsconfig `isolatedModules`): `npm test` type-checks once with `tsc` first.
 */

/** The suites of the full tier: patterns of paths below the repository. */
const FULL_TIER = [
  "test/e2e/generated-projects-[^/]*",
  "test/e2e/current-node-[^/]*",
  "test/package/[^/]*",
  "test/terraform/every-fixture-[^/]*",
  "test/pipeline/bootstrap-terraform",
  "test/eject/terraform",
  "test/journey/[^/]*",
];

/** @type {import('jest').Config} */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // blueprints/ imports its own files with their .ts extension (generated projects
  // run them with Node's type stripping); compiled, the import ends in .js.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  testTimeout: 300000,
  // Most of the time is spent in child processes (terraform, tsc, cdktf): one worker per core.
  maxWorkers: "100%",
  // Every test by name: the output shows each fixture's snapshot and terraform checks.
  verbose: true,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};

module.exports = { base, FULL_TIER };
