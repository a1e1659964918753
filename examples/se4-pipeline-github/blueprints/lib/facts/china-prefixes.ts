/**
 * Which interface-endpoint services use the `cn.com.amazonaws` prefix, per China region.
 *
 * Source: aws/aws-cdk, packages/aws-cdk-lib/aws-ec2/lib/vpc-endpoint.ts at commit
 * 000a9eb6dd93c8025d184934c66dee83868c8f28, `InterfaceVpcEndpointAwsService`:
 * `getDefaultEndpointPrefix` (the per-region lists, transcribed in full, catalog or not) and
 * `getDefaultEndpointSuffix` (Transcribe's `.cn` suffix). AWS CDK built them from
 * `aws ec2 describe-vpc-endpoint-services` in each region; read 2026-11-27.
 *
 * The two regions differ: Polly, WorkSpaces and Account Management are `cn.com.amazonaws` in
 * cn-northwest-1 only, IoT SiteWise in cn-north-1 only. `service-names.ts` has one flag per
 * service for both regions (frozen blueprint versions use it); the next version uses
 * `serviceNameV2` here.
 */
import { serviceName } from "../service-names.ts";
import { type EndpointType, findService } from "../services.ts";

export type ChinaRegion = "cn-north-1" | "cn-northwest-1";
export type ServicePrefix = "com.amazonaws" | "cn.com.amazonaws";

/** Short service names whose interface endpoints are `cn.com.amazonaws.<region>.<name>`. */
export const CN_PREFIXED_SERVICES: Readonly<Record<ChinaRegion, ReadonlySet<string>>> = {
  "cn-north-1": new Set([
    "application-autoscaling",
    "appmesh-envoy-management",
    "athena",
    "autoscaling",
    "awsconnector",
    "backup",
    "batch",
    "cassandra",
    "cloudcontrolapi",
    "cloudformation",
    "codedeploy-commands-secure",
    "databrew",
    "dms",
    "ebs",
    "ec2",
    "ecr.api",
    "ecr.dkr",
    "eks",
    "elasticache",
    "elasticbeanstalk",
    "elasticfilesystem",
    "elasticfilesystem-fips",
    "emr-containers",
    "execute-api",
    "fsx",
    "imagebuilder",
    "iot.data",
    "iotsitewise.api",
    "iotsitewise.data",
    "kinesis-streams",
    "lambda",
    "license-manager",
    "monitoring",
    "rds",
    "redshift",
    "redshift-data",
    "s3",
    "sagemaker.api",
    "sagemaker.featurestore-runtime",
    "sagemaker.runtime",
    "securityhub",
    "servicecatalog",
    "sms",
    "sqs",
    "states",
    "sts",
    "sync-states",
    "synthetics",
    "transcribe",
    "transcribestreaming",
    "transfer",
    "xray",
  ]),
  "cn-northwest-1": new Set([
    "account",
    "application-autoscaling",
    "appmesh-envoy-management",
    "athena",
    "autoscaling",
    "awsconnector",
    "backup",
    "batch",
    "cassandra",
    "cloudcontrolapi",
    "cloudformation",
    "codedeploy-commands-secure",
    "databrew",
    "dms",
    "ebs",
    "ec2",
    "ecr.api",
    "ecr.dkr",
    "eks",
    "elasticache",
    "elasticbeanstalk",
    "elasticfilesystem",
    "elasticfilesystem-fips",
    "emr-containers",
    "execute-api",
    "fsx",
    "imagebuilder",
    "iot.data",
    "kinesis-streams",
    "lambda",
    "license-manager",
    "monitoring",
    "polly",
    "rds",
    "redshift",
    "redshift-data",
    "s3",
    "sagemaker.api",
    "sagemaker.featurestore-runtime",
    "sagemaker.runtime",
    "securityhub",
    "servicecatalog",
    "sms",
    "sqs",
    "states",
    "sts",
    "sync-states",
    "synthetics",
    "transcribe",
    "transcribestreaming",
    "transfer",
    "workspaces",
    "xray",
  ]),
};

/** Services whose China service name ends in `.cn` (`cn.com.amazonaws.cn-north-1.transcribe.cn`). */
export const CN_SUFFIXED_SERVICES: Readonly<Record<ChinaRegion, ReadonlySet<string>>> = {
  "cn-north-1": new Set(["transcribe"]),
  "cn-northwest-1": new Set(["transcribe"]),
};

function isChinaRegion(region: string): region is ChinaRegion {
  return Object.hasOwn(CN_PREFIXED_SERVICES, region);
}

/**
 * The prefix of `name`'s service name in `region`. Gateway endpoints (S3, DynamoDB) keep
 * `com.amazonaws` in China; so does every region outside China.
 */
export function servicePrefix(name: string, region: string, type: EndpointType = "Interface"): ServicePrefix {
  if (type !== "Interface" || !isChinaRegion(region)) return "com.amazonaws";
  return CN_PREFIXED_SERVICES[region].has(name) ? "cn.com.amazonaws" : "com.amazonaws";
}

/**
 * The service name of catalog service `key` in `region`, with China's prefixes per region.
 * Validation (unknown key, endpoint type, region) and the catalog's own patterns
 * (`aws.sagemaker.<region>.notebook`) are `serviceName`'s; only China interface names differ.
 */
export function serviceNameV2(key: string, region: string, field = "service", type: EndpointType = "Interface"): string {
  const v1 = serviceName(key, region, field, type);
  // A China region AWS CDK does not list yet keeps the catalog's answer.
  if (findService(key)?.namePattern || type !== "Interface" || !isChinaRegion(region)) return v1;
  const suffix = CN_SUFFIXED_SERVICES[region].has(key) ? ".cn" : "";
  return `${servicePrefix(key, region, type)}.${region}.${key}${suffix}`;
}
