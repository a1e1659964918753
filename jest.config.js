/**
 * Jest runs the TypeScript sources through ts-jest in transpile-only mode
 * (tsconfig `isolatedModules`): `npm test` type-checks once with `tsc` first.
 * @type {import('jest').Config}
 */
module.exports = {
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
