/**
 * `npm test`: every suite but the full tier's (`test/support/tiers.js` says which, and why).
 * @type {import('jest').Config}
 */
const { base, FULL_TIER } = require("./test/support/tiers.js");

module.exports = { ...base, testPathIgnorePatterns: ["/node_modules/", ...FULL_TIER.map((p) => `<rootDir>/${p}\\.test\\.ts$`)] };
