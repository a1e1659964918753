/**
 * The private DNS names AWS gives interface endpoints, per catalog service: what
 * a central endpoint hub recreates as Route 53 private hosted zones, because
 * private DNS on an endpoint only answers inside its own VPC.
 *
 * Sources, read 2026-11-27: "AWS services that integrate with AWS PrivateLink"
 * (the Private DNS name column), the ECR, S3 ("Private DNS for Amazon S3"),
 * API Gateway ("private APIs"), SageMaker and CodeArtifact user guides, and
 * "Centralized access to VPC private endpoints" (AWS Whitepaper "Building a
 * Scalable and Secure Multi-VPC AWS Network Infrastructure"), which names the
 * zone after the service's DNS name and adds a wildcard record where clients
 * call `<something>.<service name>` (S3 buckets, ECR registries, API IDs).
 */
import { BlueprintInputError } from "../errors.ts";
import { regionInfo } from "../partitions.ts";
import { findService } from "../services.ts";
import { clip } from "../validate.ts";

/** A private hosted zone that stands in for an endpoint's private DNS. */
export interface PrivateDnsZone {
  /** The zone's name, e.g. `ssm.eu-west-1.amazonaws.com`. */
  readonly zoneName: string;
  /** Whether clients also call names under it (`*.s3.…`), so the zone needs a wildcard alias record. */
  readonly wildcard: boolean;
}

/** Names that are not `<key>.<region>.<dnsSuffix>`: `{region}` and `{suffix}` are replaced. */
const NAMES: Readonly<Record<string, { readonly name: string; readonly wildcard?: boolean }>> = {
  s3: { name: "s3.{region}.{suffix}", wildcard: true },
  "ecr.api": { name: "api.ecr.{region}.{suffix}" },
  "ecr.dkr": { name: "dkr.ecr.{region}.{suffix}", wildcard: true },
  "execute-api": { name: "execute-api.{region}.{suffix}", wildcard: true },
  "sagemaker.api": { name: "api.sagemaker.{region}.{suffix}" },
  "sagemaker.runtime": { name: "runtime.sagemaker.{region}.{suffix}" },
  "kinesis-streams": { name: "kinesis.{region}.{suffix}" },
  "kinesis-firehose": { name: "firehose.{region}.{suffix}" },
  "codeartifact.api": { name: "codeartifact.{region}.{suffix}" },
  "codeartifact.repositories": { name: "d.codeartifact.{region}.{suffix}", wildcard: true },
  "appsync-api": { name: "appsync-api.{region}.{suffix}", wildcard: true },
};

/**
 * Services whose private DNS is not one zone a hub can stand in for: names
 * outside the partition's suffix (`*.notebook.<region>.sagemaker.aws`,
 * `eks-auth.<region>.api.aws`) or per-host patterns (`ecs-a-*`, `ecs-t-*`).
 */
const NO_ZONE: ReadonlySet<string> = new Set(["notebook", "studio", "eks-auth", "ecs-agent", "ecs-telemetry"]);

/** True when a hub can serve `key`'s private DNS from a private hosted zone. */
export function hasPrivateDnsZone(key: string): boolean {
  const spec = findService(key);
  return spec?.privateDns === true && !NO_ZONE.has(key);
}

/**
 * The private hosted zone that answers for catalog service `key` in `region`,
 * with the partition's DNS suffix (`amazonaws.com`, `amazonaws.com.cn` in China;
 * GovCloud uses `amazonaws.com`). Throws naming `field` for a service a hub cannot serve.
 */
export function privateDnsZone(key: string, region: string, field = "service"): PrivateDnsZone {
  if (!hasPrivateDnsZone(key)) {
    throw new BlueprintInputError(
      field,
      `"${clip(key)}" has no private DNS name that a central hosted zone can stand in for; deploy its endpoint in each VPC instead (blueprint service-endpoints)`,
    );
  }
  const { dnsSuffix } = regionInfo(region);
  const entry = NAMES[key] ?? { name: `${key}.{region}.{suffix}` };
  return { zoneName: entry.name.replace("{region}", region).replace("{suffix}", dnsSuffix), wildcard: entry.wildcard ?? false };
}
