/**
 * Endpoint policies. The AWS default for an endpoint is allow-all; every
 * endpoint this project makes carries an explicit policy instead. Endpoint
 * policies cannot name principals by ARN for AWS services, so the pattern AWS
 * documents for data perimeters is used: `Principal: "*"` narrowed by a
 * condition on the caller's account or organization.
 */

/** Who may use an endpoint: principals of these accounts, or of this organization. */
export type PrincipalScope = { readonly accounts: readonly string[] } | { readonly organizationId: string };

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Record<string, unknown>[];
}

/** A policy that lets only principals in `scope` use the endpoint, for `actions` (every action when absent). */
export function scopedEndpointPolicy(scope: PrincipalScope, actions?: readonly string[]): PolicyDocument {
  const condition =
    "organizationId" in scope
      ? { StringEquals: { "aws:PrincipalOrgID": scope.organizationId } }
      : { StringEquals: { "aws:PrincipalAccount": [...scope.accounts] } };
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: actions ? "AllowOnlyOwnPrincipalsToRead" : "AllowOnlyOwnPrincipals",
        Effect: "Allow",
        Principal: "*",
        Action: actions ? [...actions] : "*",
        Resource: "*",
        Condition: condition,
      },
    ],
  };
}

/** Serialized for the `policy` argument of `aws_vpc_endpoint`. */
export function policyJson(document: PolicyDocument): string {
  return JSON.stringify(document);
}
