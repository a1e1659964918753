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

/**
 * What the SSM Agent calls on the `ssm` endpoint to register and run (the managed policy
 * AmazonSSMManagedInstanceCore; the Systems Manager guide's "Create VPC endpoints"): a read-only `ssm`
 * endpoint next to the agent's `ssmmessages` or `ec2messages` endpoints still allows these, or
 * instances never register and Session Manager, Run Command and patching stop.
 */
export const SSM_AGENT_ACTIONS: readonly string[] = [
  "ssm:DescribeAssociation",
  "ssm:DescribeDocument",
  "ssm:GetDeployablePatchSnapshotForInstance",
  "ssm:GetDocument",
  "ssm:GetManifest",
  "ssm:ListAssociations",
  "ssm:ListInstanceAssociations",
  "ssm:PutComplianceItems",
  "ssm:PutConfigurePackageResult",
  "ssm:PutInventory",
  "ssm:UpdateAssociationStatus",
  "ssm:UpdateInstanceAssociationStatus",
  "ssm:UpdateInstanceInformation",
];

/** The endpoints the SSM Agent uses besides `ssm`: with either, a read-only `ssm` keeps the agent's actions. */
export const SSM_AGENT_ENDPOINTS: readonly string[] = ["ec2messages", "ssmmessages"];

/** Catalog keys that have a read-only template. */
export const READ_ONLY_SERVICES = Object.keys(READ_ONLY_ACTIONS);
