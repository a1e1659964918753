/**
 * ts-jest compiles the tests without type-checking them (tsconfig
 * `isolatedModules`); `npm run typecheck` checks types.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", {}] },
  testTimeout: 300000,
};
