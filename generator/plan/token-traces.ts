/**
 * Runs `build` without cdktf's per-token creation stacks: cdktf captures one for every token it makes (tens of
 * thousands at 1,000 stacks), only to print it when that token fails to resolve, and capturing them is most of a
 * large in-memory build. As in generated projects (`scripts/typescript.mjs`) and AWS CDK, CDK_DEBUG=true keeps them.
 * Errors keep their stacks: only traces captured into plain objects are skipped.
 */
export function withoutTokenTraces<T>(build: () => T): T {
  if (/^(1|true)$/i.test(process.env.CDK_DEBUG ?? "")) return build();
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = function captureStackTrace(target: object, below?: (...args: never) => unknown) {
    if (target === null || typeof target !== "object" || target instanceof Error) return capture(target, below);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return capture(target, below);
    } finally {
      Error.stackTraceLimit = limit;
    }
  } as typeof Error.captureStackTrace;
  try {
    return build();
  } finally {
    Error.captureStackTrace = capture;
  }
}
