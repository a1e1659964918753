/** How throttled requests are retried. Every field has a default, so `{}` is a valid policy. */
export interface RetryOptions {
  /** Attempts per request, the first included; after the last, throttling is reported. @default 5 */
  readonly maxAttempts?: number;
  /** Delay before the first retry, in milliseconds; it doubles on each retry. @default 250 */
  readonly baseDelayMs?: number;
  /** Upper bound of a single delay, in milliseconds. @default 5000 */
  readonly maxDelayMs?: number;
  /** Waits `ms` milliseconds; tests pass a recorder that returns at once. @default a `setTimeout` promise */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for jitter; tests pass a constant. @default Math.random */
  readonly random?: () => number;
}

/** The error codes EC2 and the SDK use for "slow down". */
const THROTTLING = new Set(["ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException"]);

/** True for an AWS error that asks the caller to slow down. */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (!e || typeof e !== "object") return false;
  return THROTTLING.has(String(e.name)) || THROTTLING.has(String(e.Code)) || e.$metadata?.httpStatusCode === 429;
}

/** Raised when every attempt was throttled; `lookupFacts` turns it into a message for the user. */
export class ThrottledError extends Error {
  constructor(
    /** The API operation, e.g. `DescribeVpcEndpointServices`. */
    public readonly operation: string,
    /** How many attempts were made. */
    public readonly attempts: number,
    /** The last throttling error. */
    public readonly lastError: unknown,
  ) {
    super(`${operation} was throttled ${attempts} times in a row`);
    this.name = "ThrottledError";
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `request` until it succeeds, retrying throttling errors only, with
 * bounded exponential backoff and "equal jitter": attempt n waits between half
 * and all of min(maxDelayMs, baseDelayMs * 2^(n-1)). Any other error is
 * rethrown at once. At most `maxAttempts` calls are made.
 */
export async function withRetry<T>(operation: string, request: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 5));
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isThrottling(error)) throw error;
      if (attempt >= maxAttempts) throw new ThrottledError(operation, attempt, error);
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.round(ceiling / 2 + (ceiling / 2) * random()));
    }
  }
}
