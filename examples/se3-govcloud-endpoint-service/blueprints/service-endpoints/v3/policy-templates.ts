/**
 * Read-only endpoint policy templates: for these services, an endpoint can be
 * limited to the read actions that workloads in private subnets usually need
 * (pull images, read objects, items and secrets), so a compromised workload
 * cannot write through it. Keys are catalog keys.
 */
export const READ_ONLY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  s3: ["s3:GetObject", "s3:GetObjectVersion", "s3:GetBucketLocation", "s3:ListBucket"],
  dynamodb: [
    "dynamodb:BatchGetItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
    "dynamodb:GetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
  ],
  "ecr.api": [
    "ecr:BatchCheckLayerAvailability",
    "ecr:BatchGetImage",
    "ecr:DescribeImages",
    "ecr:DescribeRepositories",
    "ecr:GetAuthorizationToken",
    "ecr:GetDownloadUrlForLayer",
    "ecr:ListImages",
  ],
  "ecr.dkr": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer"],
  secretsmanager: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
  ssm: ["ssm:DescribeParameters", "ssm:GetParameter", "ssm:GetParameterHistory", "ssm:GetParameters", "ssm:GetParametersByPath"],
};

/** Catalog keys that have a read-only template. */
export const READ_ONLY_SERVICES = Object.keys(READ_ONLY_ACTIONS);
