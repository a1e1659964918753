/**
 * Lets Node run main.ts as written. Node 22.18 and later strip TypeScript's
 * types natively, and main.ts and blueprints/ are written for that: ES modules,
 * `.ts` extensions on relative imports, `import type`, nothing but erasable
 * syntax (tsconfig.json checks all of it). Where Node is older, this registers
 * tsx, which strips the same types. Loaded with `node --import`.
 *
 * tsx turns Node's source maps on, so that errors name main.ts's own lines.
 * cdktf captures a full stack trace for every token it creates, and Node would
 * map each frame through the inline source maps of cdktf and the provider too:
 * most of a large synth's time. So, on this path only:
 * - packages in node_modules are loaded with source maps off (their frames show
 *   their JavaScript lines); your .ts files keep theirs;
 * - the traces cdktf records for itself (plain objects, shown only when a token
 *   fails to resolve; recorded only with CDK_DEBUG=true, below) are listed
 *   without source maps; an Error's stack is formatted by Node as before,
 *   mapped to your .ts lines.
 */
import { createRequire } from "node:module";

/*
 * cdktf records a creation stack for every token it makes (tens of thousands in a project with hundreds of
 * stacks), only to print it when that token fails to resolve; capturing them is a third of a large synth.
 * As AWS CDK does, they are recorded only when debugging: CDK_DEBUG=true (or 1). Errors, yours and
 * cdktf's, keep their full stacks always: only traces captured into plain objects are skipped.
 */
if (!/^(1|true)$/i.test(process.env.CDK_DEBUG ?? "")) {
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = function captureStackTrace(target, below) {
    if (target === null || typeof target !== "object" || target instanceof Error) return capture(target, below);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return capture(target, below);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}

if (!process.features.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
  const Module = createRequire(import.meta.url)("node:module");
  const loadJs = Module._extensions[".js"];
  Module._extensions[".js"] = function (module, filename) {
    if (!/[\\/]node_modules[\\/]/.test(filename) || !process.sourceMapsEnabled) return loadJs.call(this, module, filename);
    process.setSourceMapsEnabled(false);
    try {
      return loadJs.call(this, module, filename);
    } finally {
      process.setSourceMapsEnabled(true);
    }
  };
  const format = Error.prepareStackTrace;
  if (typeof format === "function") {
    Error.prepareStackTrace = function prepareStackTrace(error, frames) {
      if (error instanceof Error) return format(error, frames);
      return ["Error", ...frames.map((frame) => `    at ${frame}`)].join("\n");
    };
  }
}
