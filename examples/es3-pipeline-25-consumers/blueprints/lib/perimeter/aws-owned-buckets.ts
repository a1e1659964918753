import {
  CODEARTIFACT_ASSET_ACCOUNTS,
  CODEARTIFACT_SOURCE,
  ELASTIC_BEANSTALK_PATTERNS,
  ELASTIC_BEANSTALK_SOURCE,
} from "../facts/aws-owned-assets.ts";
import type { PartitionName } from "../partitions.ts";

/**
 * S3 buckets that AWS owns and that AWS features read from inside a VPC: image
 * layers behind ECR, Amazon Linux package repositories, SSM Agent and Patch
 * Manager content, agent installers. Requests to them come from your VPC
 * (through an S3 gateway or interface endpoint) but are unsigned or signed by
 * an AWS-owned account, so a policy that only admits your own principals denies
 * them. Data only; `endpoint-policy.ts` turns it into a statement.
 *
 * Where the list comes from: the AWS data perimeter examples
 * (aws-samples/data-perimeter-policy-examples, `vpc_endpoint_policies/`
 * s3_endpoint_policy.json and its README), which cite the page of each entry
 * given below. Only reads are listed: what AWS documents for these buckets is
 * `s3:GetObject` on objects. Buckets that need writes (CloudFormation wait
 * condition and custom resource responses) are presigned by a service
 * principal and pass through the `aws:PrincipalIsAWSService` statement instead.
 *
 * Partitions: AWS documents these names with `arn:aws`; the ARN takes the
 * partition of the region (`arn:aws-cn`, `arn:aws-us-gov`). The names that
 * embed the `amazonaws.com` DNS suffix are not emitted in China, whose suffix
 * differs and whose bucket names AWS does not list (an unverified name there is
 * left out rather than guessed).
 */

/** The AWS feature a bucket serves; callers may keep only the features they use. */
export type AwsOwnedFeature =
  | "ecr"
  | "amazon-linux-2"
  | "amazon-linux-2023"
  | "ssm"
  | "cloudwatch-agent"
  | "codedeploy"
  | "image-builder"
  | "emr"
  | "codeartifact"
  | "elastic-beanstalk";

/** The AWS page that documents a bucket. */
export interface AwsSource {
  readonly title: string;
  readonly url: string;
}

export interface AwsOwnedBucket {
  /** The feature that reads the bucket. */
  readonly feature: AwsOwnedFeature;
  /**
   * Object ARN pattern after `arn:<partition>:s3:::`; `{region}` is the region
   * code (`eu-west-1`).
   */
  readonly pattern: string;
  /** What reads it, and why it must pass the endpoint. */
  readonly why: string;
  readonly source: AwsSource;
  /** Partitions the entry is emitted in. @default every supported partition */
  readonly partitions?: readonly PartitionName[];
  /** Regions the entry is emitted in (a bucket of one region's account). @default every region */
  readonly regions?: readonly string[];
}

const ECR: AwsSource = {
  title: "Amazon ECR User Guide: Amazon ECR interface VPC endpoints (AWS PrivateLink), Minimum Amazon S3 bucket permissions for Amazon ECR",
  url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms",
};
const AL2: AwsSource = {
  title: "Amazon EC2 User Guide: Kernel Live Patching on Amazon Linux 2",
  url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/al2-live-patching.html",
};
const AL2023: AwsSource = {
  title: "Amazon Linux 2023 User Guide: Kernel Live Patching on AL2023",
  url: "https://docs.aws.amazon.com/linux/al2023/ug/live-patching.html",
};
const SSM_AGENT: AwsSource = {
  title: "AWS Systems Manager User Guide: SSM Agent communications with AWS managed S3 buckets",
  url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-minimum-s3-permissions.html",
};
const PATCHING: AwsSource = {
  title: "AWS Systems Manager User Guide: Reference: Amazon S3 buckets for patching operations",
  url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-operations-s3-buckets.html",
};
const CLOUDWATCH_AGENT: AwsSource = {
  title: "Amazon CloudWatch User Guide: Download the CloudWatch agent package using the command line",
  url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/download-cloudwatch-agent-commandline.html",
};
const CODEDEPLOY: AwsSource = {
  title: "AWS CodeDeploy User Guide: Configure an Amazon EC2 instance to work with CodeDeploy",
  url: "https://docs.aws.amazon.com/codedeploy/latest/userguide/instances-ec2-configure.html",
};
const IMAGE_BUILDER: AwsSource = {
  title: "EC2 Image Builder User Guide: Image Builder and interface VPC endpoints (AWS PrivateLink)",
  url: "https://docs.aws.amazon.com/imagebuilder/latest/userguide/vpc-interface-endpoints.html",
};
const EMR: AwsSource = {
  title: "Amazon EMR Management Guide: Minimum Amazon S3 policy for private subnet",
  url: "https://docs.aws.amazon.com/emr/latest/ManagementGuide/private-subnet-iampolicy.html",
};

/** Partitions whose DNS suffix is `amazonaws.com`: where the host-named buckets are documented. */
const DOT_COM: readonly PartitionName[] = ["aws", "aws-us-gov"];

const bucket = (feature: AwsOwnedFeature, pattern: string, why: string, source: AwsSource, partitions?: readonly PartitionName[]) => ({
  feature,
  pattern,
  why,
  source,
  ...(partitions ? { partitions } : {}),
});

/** Every AWS-owned bucket the endpoint policies admit reads of, by feature. */
export const AWS_OWNED_BUCKETS: readonly AwsOwnedBucket[] = [
  bucket("ecr", "prod-{region}-starport-layer-bucket/*", "image layers: ECR answers a pull with presigned URLs on this bucket", ECR),
  bucket("amazon-linux-2", "amazonlinux.{region}.amazonaws.com/*", "Amazon Linux 2 yum repositories", AL2, DOT_COM),
  bucket("amazon-linux-2", "amazonlinux-2-repos-{region}/*", "Amazon Linux 2 yum repositories", AL2),
  bucket("amazon-linux-2", "packages.{region}.amazonaws.com/*", "Amazon Linux package mirrors", AL2, DOT_COM),
  bucket("amazon-linux-2", "repo.{region}.amazonaws.com/*", "Amazon Linux package mirrors", AL2, DOT_COM),
  bucket("amazon-linux-2023", "al2023-repos-{region}-de612dc2/*", "Amazon Linux 2023 dnf repositories", AL2023),
  bucket("amazon-linux-2023", "al2023-{region}/*", "Amazon Linux 2023 kernel live patches", AL2023),
  bucket("ssm", "aws-ssm-{region}/*", "SSM Agent: SSM documents and plugins", SSM_AGENT),
  bucket("ssm", "aws-windows-downloads-{region}/*", "SSM Agent: Windows packages", SSM_AGENT),
  bucket("ssm", "amazon-ssm-{region}/*", "SSM Agent installers and updates", SSM_AGENT),
  bucket("ssm", "amazon-ssm-packages-{region}/*", "SSM Agent: Distributor packages", SSM_AGENT),
  bucket("ssm", "{region}-birdwatcher-prod/*", "SSM Agent: Distributor packages", SSM_AGENT),
  bucket("ssm", "aws-ssm-distributor-file-{region}/*", "SSM Agent: Distributor files", SSM_AGENT),
  bucket("ssm", "aws-ssm-document-attachments-{region}/*", "SSM Agent: attachments of AWS-owned SSM documents", SSM_AGENT),
  bucket("ssm", "patch-baseline-snapshot-{region}/*", "Patch Manager: patch baseline snapshots", PATCHING),
  bucket("ssm", "aws-patchmanager-macos-{region}/*", "Patch Manager: macOS patching", PATCHING),
  bucket("cloudwatch-agent", "amazoncloudwatch-agent-{region}/*", "CloudWatch agent packages", CLOUDWATCH_AGENT),
  bucket("cloudwatch-agent", "amazoncloudwatch-agent/*", "CloudWatch agent packages (the global download link)", CLOUDWATCH_AGENT),
  bucket("codedeploy", "aws-codedeploy-{region}/*", "CodeDeploy agent installer", CODEDEPLOY),
  bucket("image-builder", "ec2imagebuilder-toe-{region}-prod/*", "Image Builder: the AWSTOE application", IMAGE_BUILDER),
  bucket(
    "image-builder",
    "ec2imagebuilder-managed-resources-{region}-prod/components/*",
    "Image Builder: AWS-managed components",
    IMAGE_BUILDER,
  ),
  bucket("emr", "repo.{region}.emr.amazonaws.com/*", "Amazon EMR: its package repository", EMR, DOT_COM),
  bucket("emr", "prod.{region}.appinfo.src/*", "Amazon EMR: application information", EMR),

  // service-endpoints@4 onwards (FEATURES_SINCE_V4): CodeArtifact assets and Elastic Beanstalk platform assets
  ...Object.entries(CODEARTIFACT_ASSET_ACCOUNTS).map(([region, account]) => ({
    ...bucket(
      "codeartifact",
      `assets-${account}-{region}/*`,
      "CodeArtifact package assets, downloaded with URLs CodeArtifact presigns",
      CODEARTIFACT_SOURCE,
      ["aws"],
    ),
    regions: [region],
  })),
  ...ELASTIC_BEANSTALK_PATTERNS.map((pattern) =>
    bucket(
      "elastic-beanstalk",
      pattern,
      "Elastic Beanstalk platform assets, configuration and sample application",
      ELASTIC_BEANSTALK_SOURCE,
      DOT_COM,
    ),
  ),
];

/** Every feature of the catalog, in catalog order. */
export const AWS_OWNED_FEATURES: readonly AwsOwnedFeature[] = [...new Set(AWS_OWNED_BUCKETS.map((b) => b.feature))];

/** The features service-endpoints@4 added: older versions' policies leave them out (their output is frozen). */
export const FEATURES_SINCE_V4: readonly AwsOwnedFeature[] = ["codeartifact", "elastic-beanstalk"];

/** The features of the policies before service-endpoints@4: the default wherever features are not given. */
export const FEATURES_BEFORE_V4: readonly AwsOwnedFeature[] = AWS_OWNED_FEATURES.filter((f) => !FEATURES_SINCE_V4.includes(f));

/** A bucket entry resolved for one region: its object ARN. */
export interface ResolvedAwsOwnedBucket extends AwsOwnedBucket {
  /** `arn:<partition>:s3:::<bucket>/*` (or a narrower key prefix). */
  readonly arn: string;
  /** The bucket name alone. */
  readonly bucketName: string;
}

/**
 * The catalog's entries for `region` in `partition`, for the given features
 * (every feature when absent), as object ARNs.
 */
export function awsOwnedBuckets(
  region: string,
  partition: PartitionName,
  features: readonly AwsOwnedFeature[] = AWS_OWNED_FEATURES,
): ResolvedAwsOwnedBucket[] {
  const here = (b: AwsOwnedBucket) => (b.partitions ?? [partition]).includes(partition) && (b.regions ?? [region]).includes(region);
  return AWS_OWNED_BUCKETS.filter((b) => features.includes(b.feature) && here(b)).map((b) => {
    const path = b.pattern.replaceAll("{region}", region);
    return { ...b, arn: `arn:${partition}:s3:::${path}`, bucketName: path.split("/")[0] };
  });
}
