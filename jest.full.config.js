/**
 * `npm run test:full`: the slow suites that `npm test` leaves out (`test/support/tiers.js`).
 * @type {import('jest').Config}
 */
const { base, FULL_TIER } = require("./test/support/tiers.js");

module.exports = {
  ...base,
  testMatch: undefined,
  testRegex: FULL_TIER.map((p) => `/${p}\\.test\\.ts$`),
  globalSetup: "<rootDir>/test/support/global-setup-full.ts",
};
