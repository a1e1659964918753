/**
 * Lets Node run main.ts as written. Node 22.18 and later strip TypeScript's
 * types natively, and main.ts and blueprints/ are written for that: ES modules,
 * `.ts` extensions on relative imports, `import type`, nothing but erasable
 * syntax (tsconfig.json checks all of it). Where Node is older, this registers
 * tsx, which strips the same types. Loaded with `node --import`.
 */
if (!process.features.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
}
