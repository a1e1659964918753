import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import type { Construct } from "constructs";
import { LocalBackend, S3Backend, type TerraformStack } from "./cdktf.ts";
import { type RegionInfo, regionInfo } from "./partitions.ts";
import { checkBucketName, checkExternalId, checkStateKey } from "./rules.ts";
import { checkRoleArn, checkTags, type TagCharset } from "./validate.ts";

/** Where Terraform keeps the stack's state. */
export type BackendProps =
  | {
      readonly kind: "local";
      /** State file path, relative to the stack's output folder. @default ../../../terraform.<stack id>.tfstate (the project root) */
      readonly path?: string;
    }
  | {
      readonly kind: "s3";
      /** Bucket that holds the state. */
      readonly bucket: string;
      /** Object key of the state file; `{stack}` in it becomes the stack id, so that stacks sharing a bucket keep apart. */
      readonly key: string;
      /** Region of the bucket. */
      readonly region: string;
      /** Lock with an S3 lock file (Terraform 1.10+) instead of DynamoDB. @default true */
      readonly useLockfile?: boolean;
    };

/** A role the AWS provider assumes to deploy the stack. */
export interface AssumeRoleProps {
  /** ARN of the role; its partition must match the region's. */
  readonly roleArn: string;
  /** External ID the role's trust policy requires. @default none */
  readonly externalId?: string;
  /** Session name shown in CloudTrail. @default "create-privatelink" */
  readonly sessionName?: string;
}

/** What every blueprint stack needs besides its own props. */
export interface StackBaseProps {
  /** AWS region the stack deploys to, e.g. `eu-west-1`. */
  readonly region: string;
  /** State backend. @default local state in the stack's output folder */
  readonly backend?: BackendProps;
  /** Role the AWS provider assumes. @default the caller's own credentials */
  readonly assumeRole?: AssumeRoleProps;
  /** Tags on every resource, through the provider's default tags too. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Sets up the provider (region, assumed role, default tags) and the backend of
 * a blueprint stack, and returns the validated region. Default tags reach every
 * resource, so they follow the strictest service's characters (`tagCharset`).
 */
export function configureStack(
  stack: TerraformStack,
  props: StackBaseProps,
  blueprintTags: Record<string, string>,
  tagCharset: TagCharset = "ec2",
): RegionInfo {
  const region = regionInfo(props.region);
  const tags = { ...blueprintTags, ...checkTags(props.tags ?? {}, "tags", tagCharset) };
  const assumeRole = props.assumeRole;
  if (assumeRole) {
    checkRoleArn(assumeRole.roleArn, "assumeRole.roleArn", { partition: region.partition });
    if (assumeRole.externalId !== undefined) checkExternalId(assumeRole.externalId, "assumeRole.externalId");
  }
  new AwsProvider(stack, "aws", {
    region: region.region,
    defaultTags: [{ tags }],
    ...(assumeRole
      ? {
          assumeRole: [
            {
              roleArn: assumeRole.roleArn,
              sessionName: assumeRole.sessionName ?? "create-privatelink",
              ...(assumeRole.externalId ? { externalId: assumeRole.externalId } : {}),
            },
          ],
        }
      : {}),
  });
  configureBackend(stack, props.backend ?? { kind: "local" });
  return region;
}

function configureBackend(scope: Construct, backend: BackendProps): void {
  if (backend.kind === "local") {
    // Relative to cdktf.out/stacks/<id>/, where terraform runs: the project root.
    // (cdktf's own default is an absolute path, which would differ per machine.)
    new LocalBackend(scope, { path: backend.path ?? `../../../terraform.${scope.node.id}.tfstate` });
    return;
  }
  regionInfo(backend.region, "backend.region");
  checkBucketName(backend.bucket, "backend.bucket");
  checkStateKey(backend.key, "backend.key");
  const s3 = new S3Backend(scope, {
    bucket: backend.bucket,
    key: backend.key.split("{stack}").join(scope.node.id),
    region: backend.region,
    encrypt: true,
  });
  if (backend.useLockfile ?? true) s3.addOverride("use_lockfile", true);
}
