/**
 * AWS-owned S3 buckets that service-endpoints@4 added to the S3 endpoints' reads, with their sources.
 * Data only; `perimeter/aws-owned-buckets.ts` turns them into catalog entries.
 */

/**
 * CodeArtifact stores package assets in one bucket per region, in an account CodeArtifact owns; clients
 * download them with URLs CodeArtifact presigns, so the request carries no principal of yours. The table of
 * "Minimum Amazon S3 bucket permissions for AWS CodeArtifact" (CodeArtifact User Guide, "Create the Amazon S3
 * gateway endpoint", https://docs.aws.amazon.com/codeartifact/latest/ug/create-s3-gateway-endpoint.html),
 * checked against its translations and the guide's source (awsdocs/aws-codeartifact-user-guide,
 * doc_source/create-s3-gateway-endpoint.md). These are the 13 regions the CodeArtifact endpoints page lists;
 * elsewhere CodeArtifact does not run, and nothing is emitted. `aws codeartifact describe-domain` gives a
 * domain's own bucket (`s3BucketArn`).
 */
export const CODEARTIFACT_ASSET_ACCOUNTS: Readonly<Record<string, string>> = {
  "ap-northeast-1": "660291247815",
  "ap-south-1": "681137435769",
  "ap-southeast-1": "421485864821",
  "ap-southeast-2": "860415559748",
  "eu-central-1": "769407342218",
  "eu-north-1": "611884512288",
  "eu-south-1": "484130244270",
  "eu-west-1": "438097961670",
  "eu-west-2": "247805302724",
  "eu-west-3": "762466490029",
  "us-east-1": "193858265520",
  "us-east-2": "250872398865",
  "us-west-2": "787052242323",
};

export const CODEARTIFACT_SOURCE = {
  title: "AWS CodeArtifact User Guide: Create the Amazon S3 gateway endpoint, Minimum Amazon S3 bucket permissions",
  url: "https://docs.aws.amazon.com/codeartifact/latest/ug/create-s3-gateway-endpoint.html",
};

/**
 * Elastic Beanstalk's asset buckets: "The Elastic Beanstalk service owns S3 buckets that store the assets
 * associated with a solution stack (platform version)" (Elastic Beanstalk Developer Guide, "Using endpoint
 * policies to control access with VPC endpoints"); aws-samples/data-perimeter-policy-examples lists the same
 * four. Not emitted in China, whose names AWS spells differently (`…-public-beta-cn-north-1`).
 */
export const ELASTIC_BEANSTALK_PATTERNS: readonly string[] = [
  "elasticbeanstalk-env-resources-{region}/*",
  "elasticbeanstalk-platform-assets-{region}/*",
  "elasticbeanstalk-samples-{region}/*",
  "elasticbeanstalk-{region}/*",
];

export const ELASTIC_BEANSTALK_SOURCE = {
  title: "AWS Elastic Beanstalk Developer Guide: Using endpoint policies to control access with VPC endpoints",
  url: "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/vpc-vpce.policy.html",
};
