import type { BackendProps } from "../../blueprints/lib/stack";

/** Answers as the generic code sees them: keyed by question, checked by their questions. */
export type AnyAnswers = Readonly<Record<string, unknown>>;

/** The answers every blueprint has (the shared library's questions). */
export interface CommonAnswers {
  /** Blueprint and version, `<name>@<version>`. */
  readonly blueprint: string;
  /** npm package name of the generated project. */
  readonly projectName: string;
  /** AWS region of the stacks. */
  readonly region: string;
  /** State backend kind. */
  readonly backend: "local" | "s3";
  readonly backendBucket: string | null;
  readonly backendKey: string | null;
  readonly backendRegion: string | null;
  /** Tags on every resource. */
  readonly tags: Readonly<Record<string, string>>;
}

/** The answers of the shared VPC questions. */
export interface VpcAnswers {
  /** `new` makes a VPC; `existing` uses the IDs below. @default new */
  readonly vpc?: "new" | "existing";
  /** IPv4 CIDR of the VPC (new or existing). */
  readonly vpcCidr: string;
  /** Zones of a new VPC. */
  readonly availabilityZones: readonly string[];
  /** ID of an existing VPC. */
  readonly vpcId?: string | null;
  /** Subnets of an existing VPC as `subnet-…@<zone>`. */
  readonly subnets?: readonly string[];
  /** Route tables of an existing VPC, for gateway endpoints. */
  readonly routeTableIds?: readonly string[];
  /** Dual-stack (newer versions): `dualstack` gives a new VPC an IPv6 block. @default ipv4 */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** An existing VPC's IPv6 block (dual-stack only). */
  readonly vpcIpv6Cidr?: string | null;
}

/** The backend props an answers set describes. */
export function backendOf(answers: CommonAnswers): BackendProps {
  if (answers.backend === "local") return { kind: "local" };
  return {
    kind: "s3",
    bucket: answers.backendBucket ?? "",
    key: answers.backendKey ?? "",
    region: answers.backendRegion ?? answers.region,
  };
}
