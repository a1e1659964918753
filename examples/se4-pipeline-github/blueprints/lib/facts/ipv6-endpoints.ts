/**
 * Catalog services whose interface endpoints take IPv6 (`ip_address_type = "dualstack"`), with sources
 * (read 2026-12-05). AWS's PrivateLink service table has no IPv6 column; the "Private endpoints support
 * IPv6" column of "AWS services that support IPv6" (Amazon VPC User Guide,
 * https://docs.aws.amazon.com/vpc/latest/userguide/aws-ipv6-support.html) says which services do, one row
 * per service. S3's row there says No, but the S3 User Guide ("AWS PrivateLink for Amazon S3", "IP address
 * types") and AWS's announcement of 2025-11 ("IPv6 for Amazon S3 gateway and interface VPC endpoints") say
 * its interface endpoints are dual-stack. Listed here only when that table names the endpoint's own service
 * with Yes: sub-endpoints without a row of their own (ssmmessages, ec2messages, ecs-agent, ecs-telemetry)
 * stay IPv4, as do services whose row says No (ec2, ecr.api, ecr.dkr, elasticloadbalancing, rds) or that
 * have no row (dynamodb): AWS refuses a dual-stack endpoint to a service that accepts only IPv4, at apply.
 * `DescribeVpcEndpointServices` reports a service's `SupportedIpAddressTypes` for an account and region.
 */
export const DUAL_STACK_ENDPOINT_SERVICES: readonly string[] = [
  "athena",
  "bedrock",
  "bedrock-runtime",
  "cloudformation",
  "cloudtrail",
  "codeartifact.api",
  "codeartifact.repositories",
  "codebuild",
  "codecommit",
  "codedeploy",
  "config",
  "ecs",
  "eks",
  "elasticfilesystem",
  "events",
  "execute-api",
  "glue",
  "kinesis-firehose",
  "kinesis-streams",
  "kms",
  "lambda",
  "logs",
  "monitoring",
  "rds-data",
  "s3",
  "sagemaker.api",
  "secretsmanager",
  "securityhub",
  "servicecatalog",
  "sns",
  "sqs",
  "ssm",
  "states",
  "storagegateway",
  "sts",
  "textract",
  "transfer",
  "translate",
  "xray",
];

/** Whether a catalog service's interface endpoint can be dual-stack (full service names: not known here). */
export const takesIpv6 = (key: string): boolean => DUAL_STACK_ENDPOINT_SERVICES.includes(key);
