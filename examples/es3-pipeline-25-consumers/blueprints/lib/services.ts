/**
 * The catalog of AWS services reachable through VPC endpoints: data only.
 * Names, ports and exceptions follow the AWS PrivateLink documentation
 * ("AWS services that integrate with AWS PrivateLink") and the Terraform AWS
 * provider; `service-names.ts` turns an entry and a region into a service name.
 */

/** The kind of VPC endpoint. Gateway endpoints exist for S3 and DynamoDB only. */
export type EndpointType = "Interface" | "Gateway";

/** Groups for the service picker. */
export type ServiceGroup =
  | "Systems Manager & operations"
  | "Containers & compute"
  | "Security & identity"
  | "Storage & databases"
  | "Integration & messaging"
  | "Analytics"
  | "Machine learning"
  | "Developer tools";

export interface ServiceSpec {
  /** Catalog key, the last part of the service name: `ssm`, `ecr.dkr`. */
  readonly key: string;
  /** Human name for prompts and docs. */
  readonly title: string;
  readonly group: ServiceGroup;
  /** Endpoint types the service offers. */
  readonly types: readonly EndpointType[];
  /** TCP port clients use through an interface endpoint. @default 443 */
  readonly port: number;
  /** Whether the interface endpoint supports private DNS. @default true */
  readonly privateDns: boolean;
  /**
   * Service-name pattern when it is not `<prefix>.<region>.<key>`;
   * `{region}` is replaced. @default undefined
   */
  readonly namePattern?: string;
  /**
   * In the China regions the interface endpoint's service name uses the
   * `cn.com.amazonaws` prefix (the list AWS CDK keeps from
   * `describe-vpc-endpoint-services`; gateway endpoints keep `com.amazonaws`).
   * @default false
   */
  readonly chinaPrefix?: boolean;
  /**
   * Service-name pattern in the China regions when it differs from the rule
   * above (`{region}` is replaced). @default undefined
   */
  readonly chinaPattern?: string;
}

interface Options {
  types?: readonly EndpointType[];
  port?: number;
  privateDns?: boolean;
  namePattern?: string;
  chinaPrefix?: boolean;
  chinaPattern?: string;
}

function svc(key: string, title: string, group: ServiceGroup, options: Options = {}): ServiceSpec {
  return {
    key,
    title,
    group,
    types: options.types ?? ["Interface"],
    port: options.port ?? 443,
    privateDns: options.privateDns ?? true,
    ...(options.namePattern ? { namePattern: options.namePattern } : {}),
    ...(options.chinaPrefix ? { chinaPrefix: true } : {}),
    ...(options.chinaPattern ? { chinaPattern: options.chinaPattern } : {}),
  };
}

const OPS: ServiceGroup = "Systems Manager & operations";
const COMPUTE: ServiceGroup = "Containers & compute";
const SECURITY: ServiceGroup = "Security & identity";
const STORAGE: ServiceGroup = "Storage & databases";
const INTEGRATION: ServiceGroup = "Integration & messaging";
const ANALYTICS: ServiceGroup = "Analytics";
const ML: ServiceGroup = "Machine learning";
const DEV: ServiceGroup = "Developer tools";

/** Every service the catalog knows, in the order the picker shows them. */
export const SERVICES: readonly ServiceSpec[] = [
  // Systems Manager & operations
  svc("ssm", "AWS Systems Manager", OPS),
  svc("ssmmessages", "Systems Manager Session Manager messages", OPS),
  svc("ec2messages", "Systems Manager EC2 messages", OPS),
  svc("logs", "Amazon CloudWatch Logs", OPS),
  svc("monitoring", "Amazon CloudWatch metrics", OPS, { chinaPrefix: true }),
  svc("events", "Amazon EventBridge", OPS),
  svc("cloudformation", "AWS CloudFormation", OPS, { chinaPrefix: true }),
  svc("cloudtrail", "AWS CloudTrail", OPS),
  svc("config", "AWS Config", OPS),
  svc("autoscaling", "Amazon EC2 Auto Scaling", OPS, { chinaPrefix: true }),
  svc("application-autoscaling", "Application Auto Scaling", OPS, { chinaPrefix: true }),
  svc("servicecatalog", "AWS Service Catalog", OPS, { chinaPrefix: true }),
  svc("synthetics", "CloudWatch Synthetics", OPS, { chinaPrefix: true }),
  svc("appconfig", "AWS AppConfig", OPS),
  svc("appconfigdata", "AWS AppConfig data", OPS),
  svc("xray", "AWS X-Ray", OPS, { chinaPrefix: true }),
  // Containers & compute
  svc("ec2", "Amazon EC2 API", COMPUTE, { chinaPrefix: true }),
  svc("ebs", "Amazon EBS direct APIs", COMPUTE, { chinaPrefix: true }),
  svc("elasticloadbalancing", "Elastic Load Balancing", COMPUTE),
  svc("ecr.api", "Amazon ECR API", COMPUTE, { chinaPrefix: true }),
  svc("ecr.dkr", "Amazon ECR Docker registry", COMPUTE, { chinaPrefix: true }),
  svc("ecs", "Amazon ECS", COMPUTE),
  svc("ecs-agent", "Amazon ECS agent", COMPUTE),
  svc("ecs-telemetry", "Amazon ECS telemetry", COMPUTE),
  svc("eks", "Amazon EKS", COMPUTE, { chinaPrefix: true }),
  svc("eks-auth", "Amazon EKS Pod Identity", COMPUTE),
  svc("lambda", "AWS Lambda", COMPUTE, { chinaPrefix: true }),
  svc("batch", "AWS Batch", COMPUTE, { chinaPrefix: true }),
  svc("elasticbeanstalk", "AWS Elastic Beanstalk", COMPUTE, { chinaPrefix: true }),
  svc("imagebuilder", "EC2 Image Builder", COMPUTE, { chinaPrefix: true }),
  svc("servicediscovery", "AWS Cloud Map", COMPUTE),
  // Security & identity
  svc("kms", "AWS KMS", SECURITY),
  svc("secretsmanager", "AWS Secrets Manager", SECURITY),
  svc("sts", "AWS STS", SECURITY, { chinaPrefix: true }),
  svc("acm-pca", "AWS Private CA", SECURITY),
  svc("access-analyzer", "IAM Access Analyzer", SECURITY),
  svc("securityhub", "AWS Security Hub", SECURITY, { chinaPrefix: true }),
  svc("guardduty-data", "Amazon GuardDuty data", SECURITY),
  svc("inspector2", "Amazon Inspector", SECURITY),
  // Storage & databases
  svc("s3", "Amazon S3", STORAGE, { types: ["Gateway", "Interface"], chinaPrefix: true }),
  svc("dynamodb", "Amazon DynamoDB", STORAGE, { types: ["Gateway", "Interface"] }),
  svc("elasticfilesystem", "Amazon EFS", STORAGE, { chinaPrefix: true }),
  svc("backup", "AWS Backup", STORAGE, { chinaPrefix: true }),
  svc("storagegateway", "AWS Storage Gateway", STORAGE),
  svc("fsx", "Amazon FSx", STORAGE, { chinaPrefix: true }),
  svc("datasync", "AWS DataSync", STORAGE),
  svc("transfer", "AWS Transfer Family API", STORAGE, { chinaPrefix: true }),
  svc("rds", "Amazon RDS API", STORAGE, { chinaPrefix: true }),
  svc("rds-data", "Amazon RDS Data API", STORAGE),
  svc("elasticache", "Amazon ElastiCache API", STORAGE, { chinaPrefix: true }),
  svc("cassandra", "Amazon Keyspaces", STORAGE, { port: 9142, chinaPrefix: true }),
  svc("redshift", "Amazon Redshift API", STORAGE, { chinaPrefix: true }),
  svc("redshift-data", "Amazon Redshift Data API", STORAGE, { chinaPrefix: true }),
  // Integration & messaging
  svc("sqs", "Amazon SQS", INTEGRATION, { chinaPrefix: true }),
  svc("sns", "Amazon SNS", INTEGRATION),
  svc("states", "AWS Step Functions", INTEGRATION, { chinaPrefix: true }),
  svc("execute-api", "Amazon API Gateway (private APIs)", INTEGRATION, { chinaPrefix: true }),
  svc("kinesis-streams", "Amazon Kinesis Data Streams", INTEGRATION, { chinaPrefix: true }),
  svc("kinesis-firehose", "Amazon Data Firehose", INTEGRATION),
  svc("appsync-api", "AWS AppSync", INTEGRATION),
  // Analytics
  svc("athena", "Amazon Athena", ANALYTICS, { chinaPrefix: true }),
  svc("glue", "AWS Glue", ANALYTICS),
  svc("elasticmapreduce", "Amazon EMR", ANALYTICS),
  svc("emr-serverless", "Amazon EMR Serverless", ANALYTICS),
  svc("lakeformation", "AWS Lake Formation", ANALYTICS),
  // Machine learning
  svc("sagemaker.api", "Amazon SageMaker API", ML, { chinaPrefix: true }),
  svc("sagemaker.runtime", "Amazon SageMaker Runtime", ML, { chinaPrefix: true }),
  svc("notebook", "SageMaker notebook instances", ML, { namePattern: "aws.sagemaker.{region}.notebook" }),
  svc("studio", "SageMaker Studio", ML, { namePattern: "aws.sagemaker.{region}.studio" }),
  svc("bedrock", "Amazon Bedrock", ML),
  svc("bedrock-runtime", "Amazon Bedrock Runtime", ML),
  svc("bedrock-agent", "Agents for Amazon Bedrock", ML),
  svc("bedrock-agent-runtime", "Agents for Amazon Bedrock runtime", ML),
  svc("comprehend", "Amazon Comprehend", ML),
  svc("rekognition", "Amazon Rekognition", ML),
  svc("textract", "Amazon Textract", ML),
  svc("translate", "Amazon Translate", ML),
  svc("transcribe", "Amazon Transcribe", ML, { chinaPattern: "cn.com.amazonaws.{region}.transcribe.cn" }),
  svc("polly", "Amazon Polly", ML),
  // Developer tools
  svc("codebuild", "AWS CodeBuild", DEV),
  svc("codecommit", "AWS CodeCommit API", DEV),
  svc("git-codecommit", "AWS CodeCommit Git", DEV),
  svc("codepipeline", "AWS CodePipeline", DEV),
  svc("codedeploy", "AWS CodeDeploy", DEV),
  svc("codedeploy-commands-secure", "AWS CodeDeploy agent", DEV, { chinaPrefix: true }),
  svc("codeartifact.api", "AWS CodeArtifact API", DEV),
  svc("codeartifact.repositories", "AWS CodeArtifact repositories", DEV),
];

const BY_KEY = new Map(SERVICES.map((s) => [s.key, s]));

/** The catalog entry for `key`, or undefined. */
export function findService(key: string): ServiceSpec | undefined {
  return BY_KEY.get(key);
}

/** Keys of the services that offer a gateway endpoint (S3 and DynamoDB). */
export function gatewayServiceKeys(): string[] {
  return SERVICES.filter((s) => s.types.includes("Gateway")).map((s) => s.key);
}
