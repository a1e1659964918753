import { BlueprintInputError } from "../../blueprints/lib/errors";
import { ThrottledError } from "./retry";

/** The flag every environment problem of a lookup is reported against. */
export const LOOKUP_FIELD = "--lookup";

/** The IAM actions `--lookup` needs, for messages and docs. */
export const LOOKUP_ACTIONS: readonly string[] = [
  "ec2:DescribeAvailabilityZones",
  "ec2:DescribeVpcEndpointServices",
  "ec2:DescribeVpcAttribute",
  "ec2:DescribeVpcEndpoints",
];

/** No usable credentials: the SDK's credential chain found nothing, or what it found was refused. */
const CREDENTIALS = new Set([
  "CredentialsProviderError",
  "TokenProviderError",
  "AuthFailure",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
]);

/** Credentials that work, but may not do this. */
const DENIED = new Set(["UnauthorizedOperation", "AccessDenied", "AccessDeniedException", "OptInRequired", "Blocked"]);

/** The network did not get a request to EC2 and back. */
const NETWORK = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "TimeoutError"]);

/**
 * Turns what an EC2 call threw into a message for the user when the cause is
 * the environment (credentials, permissions, network, throttling), naming
 * `--lookup` and saying what to do. Anything else is returned unchanged: a
 * bug, which the CLI prints with its stack trace.
 */
export function lookupError(error: unknown, operation: string, region: string): unknown {
  if (error instanceof BlueprintInputError) return error;
  if (error instanceof ThrottledError) {
    return new BlueprintInputError(
      LOOKUP_FIELD,
      `EC2 ${error.operation} in ${region} was still throttled after ${error.attempts} attempts (${codeOf(error.lastError)}); wait a minute and run again, or run without --lookup`,
    );
  }
  const code = codeOf(error);
  const detail = messageOf(error);
  if (CREDENTIALS.has(code)) {
    return new BlueprintInputError(
      LOOKUP_FIELD,
      `no usable AWS credentials for ${operation} in ${region} (${code}: ${detail}); set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or log in with aws sso login), check that the region is enabled for the account, or run without --lookup`,
    );
  }
  if (DENIED.has(code)) {
    return new BlueprintInputError(
      LOOKUP_FIELD,
      `AWS refused ${operation} in ${region} (${code}: ${detail}); the credentials need ${LOOKUP_ACTIONS.join(", ")}, or run without --lookup`,
    );
  }
  if (NETWORK.has(code)) {
    return new BlueprintInputError(
      LOOKUP_FIELD,
      `could not reach EC2 in ${region} for ${operation} (${code}: ${detail}); check the network or proxy settings, or run without --lookup`,
    );
  }
  return error;
}

/** An AWS error's code: the SDK puts it in `name` (service errors) or `code` (Node network errors). */
function codeOf(error: unknown): string {
  if (!error || typeof error !== "object") return String(error);
  const e = error as { name?: unknown; code?: unknown; Code?: unknown };
  if (typeof e.code === "string" && NETWORK.has(e.code)) return e.code;
  return String(e.Code ?? e.name ?? "Error");
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split("\n")[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
