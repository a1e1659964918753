/**
 * The tests are ES modules, like main.ts: `npm test` starts Jest with Node's
 * VM modules, and ts-jest compiles each file without type-checking it
 * (tsconfig `isolatedModules`); `npm run typecheck` checks types. Imports keep
 * their `.ts` extension in the source; compiled, they end in `.js`, which is
 * mapped back to the source file here.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true }] },
  testTimeout: 300000,
};
