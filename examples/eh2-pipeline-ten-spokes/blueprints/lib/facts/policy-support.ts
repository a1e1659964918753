/**
 * Whether a VPC endpoint to a service can carry an endpoint policy, read 2026-11-27.
 *
 * AWS says "Not all AWS services support endpoint policies. If an AWS service doesn't support
 * endpoint policies, we allow full access to any endpoint for the service" ("Control access to
 * VPC endpoints using endpoint policies", https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html),
 * and the answer lives per service guide and in `DescribeVpcEndpointServices` →
 * `VpcEndpointPolicySupported`; the PrivateLink services list has no column for it.
 *
 * Rule here: a catalog service is `false` only when its current service guide says endpoint
 * policies are not supported. None of the catalog does today. Older "not supported" statements
 * that newer guides contradict are kept below with both sources, so nobody re-adds them from a
 * stale list; claims only secondary sources make are kept too, as unconfirmed, and stay `true`.
 */
import { BlueprintInputError } from "../errors.ts";
import { isEndpointServiceName, isServiceNameFormat } from "../service-names.ts";
import { findService } from "../services.ts";
import { clip } from "../validate.ts";

export interface PolicySupportEntry {
  /** Catalog key (`services.ts`). */
  readonly key: string;
  /** The document that says so: title and URL. */
  readonly source: string;
}

export interface PolicySupportClaim extends PolicySupportEntry {
  /** What overrides or weakens the claim. */
  readonly note: string;
}

/** Catalog services whose current guide says endpoint policies are not supported. */
export const POLICY_UNSUPPORTED: readonly PolicySupportEntry[] = [];

/** "Not supported" in an older document, contradicted by the current one: treated as supported. */
export const SUPERSEDED_CLAIMS: readonly PolicySupportClaim[] = [
  {
    key: "eks",
    source: 'An earlier Amazon EKS User Guide, interface endpoint considerations: "VPC endpoint policies are not supported for Amazon EKS"',
    note: 'Current "Access Amazon EKS using AWS PrivateLink" (https://docs.aws.amazon.com/eks/latest/userguide/vpc-interface-endpoints.html) recommends VPC endpoint policies to control access to Amazon EKS',
  },
  {
    key: "ebs",
    source:
      'Amazon EC2 Windows Guide, "Using interface VPC endpoints with EBS direct APIs" (https://docs.aws.amazon.com/AWSEC2/latest/WindowsGuide/ebs-apis-vpc-endpoints.html): "VPC endpoint policies are not supported for EBS direct APIs"',
    note: 'Current "Create a private connection between a VPC and EBS direct APIs" (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-apis-vpc-endpoints.html) documents endpoint policies with an example',
  },
  {
    key: "datasync",
    source: "awslabs/landing-zone-accelerator-on-aws, network-vpc-endpoints-stack.ts `policiesUnsupported` (commit 1e499e10)",
    note: 'AWS DataSync User Guide, Document history, 2025-09-30: "Support added for VPC endpoint policies"',
  },
  {
    key: "cloudtrail",
    source: "awslabs/landing-zone-accelerator-on-aws, network-vpc-endpoints-stack.ts `policiesUnsupported` (commit 1e499e10)",
    note: "The CloudTrail User Guide's interface endpoint page gives example VPC endpoint policies for CloudTrail",
  },
];

/** "Not supported" only in secondary sources; no service guide confirmed it: treated as supported. */
export const UNCONFIRMED_CLAIMS: readonly PolicySupportClaim[] = ["codepipeline", "storagegateway", "transfer"].map((key) => ({
  key,
  source:
    "awslabs/landing-zone-accelerator-on-aws, source/packages/@aws-accelerator/accelerator/lib/stacks/network-vpc-endpoints-stack.ts `policiesUnsupported` (commit 1e499e10)",
  note: "Not confirmed in the service guide; the same list was wrong for datasync and cloudtrail. Check DescribeVpcEndpointServices before relying on it",
}));

const UNSUPPORTED = new Set(POLICY_UNSUPPORTED.map((e) => e.key));

/**
 * True when an endpoint to `ref` can carry an endpoint policy. `ref` is a catalog key or a
 * full service name: endpoint services (`…vpce-svc-…`) always allow full access, so `false`;
 * other full AWS service names are unknown here and get `true` (see the rule above).
 */
export function supportsEndpointPolicy(ref: string, field = "service"): boolean {
  if (findService(ref)) return !UNSUPPORTED.has(ref);
  if (isEndpointServiceName(ref)) return false;
  if (isServiceNameFormat(ref)) return true;
  throw new BlueprintInputError(
    field,
    `"${clip(String(ref))}" is neither a catalog key nor a full service name; expected a key such as ssm or a name such as com.amazonaws.vpce.<region>.vpce-svc-0123456789abcdef0`,
  );
}
