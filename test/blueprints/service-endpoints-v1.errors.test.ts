import { Testing } from "../../blueprints/lib/cdktf";
import { ServiceEndpointsStack, type ServiceEndpointsStackProps } from "../../blueprints/service-endpoints/v1";

const valid: ServiceEndpointsStackProps = {
  region: "eu-west-1",
  interfaceServices: ["ssm"],
  gatewayServices: ["s3"],
  allowedAccounts: ["111122223333"],
};
const make = (props: Partial<ServiceEndpointsStackProps>) => () =>
  new ServiceEndpointsStack(Testing.app(), "bad", { ...valid, ...props } as ServiceEndpointsStackProps);

describe("service-endpoints v1: bad props throw errors that name the prop", () => {
  test("GIVEN valid props THEN no error (the cases below each break one thing)", () => {
    expect(make({})).not.toThrow();
  });

  test.each<[string, Partial<ServiceEndpointsStackProps>, RegExp]>([
    ["unknown region", { region: "eu-middle-7" }, /^`region`: "eu-middle-7" is not a known AWS region; expected a region code/],
    [
      "a gateway endpoint for a service without one",
      { gatewayServices: ["ssm"] },
      /^`gatewayServices\[0\]`: ssm has no Gateway endpoint; expected one of s3, dynamodb/,
    ],
    [
      "duplicate interface services",
      { interfaceServices: ["ssm", "kms", "ssm"] },
      /^`interfaceServices\[2\]`: "com.amazonaws.eu-west-1.ssm" is listed twice/,
    ],
    ["duplicate gateway services", { gatewayServices: ["s3", "s3"] }, /^`gatewayServices\[1\]`: "s3" is listed twice/],
    [
      "unknown service key",
      { interfaceServices: ["ssm", "ecr"] },
      /^`interfaceServices\[1\]`: "ecr" is not a service in the catalog \(did you mean ecr\.api, ecr\.dkr\?\)/,
    ],
    [
      "a custom service name of another region",
      { interfaceServices: ["com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"] },
      /^`interfaceServices\[0\]`: service name .* is in region us-east-1, not eu-west-1/,
    ],
    [
      "two subnets in one availability zone",
      {
        vpc: {
          kind: "existing",
          vpcId: "vpc-0123456789abcdef0",
          cidr: "10.1.0.0/16",
          subnets: [
            { id: "subnet-0123456789abcdef1", availabilityZone: "eu-west-1a" },
            { id: "subnet-0123456789abcdef2", availabilityZone: "eu-west-1a" },
          ],
          routeTableIds: ["rtb-0123456789abcdef0"],
        },
      },
      /^`vpc\.subnets\[1\]`: is in eu-west-1a like vpc\.subnets\[0\]; an interface endpoint takes one subnet per availability zone/,
    ],
    [
      "a /0 CIDR",
      { vpc: { kind: "new", cidr: "0.0.0.0/0" } },
      /^`vpc\.cidr`: "0\.0\.0\.0\/0" covers every address; a VPC needs a private range/,
    ],
    [
      "a CIDR with host bits",
      { vpc: { kind: "new", cidr: "10.0.1.0/16" } },
      /^`vpc\.cidr`: .* has host bits set; expected the network address, e\.g\. 10\.0\.0\.0\/16/,
    ],
    [
      "an empty service list",
      { interfaceServices: [], gatewayServices: [] },
      /^`interfaceServices`: and `gatewayServices` are both empty; expected at least one service/,
    ],
    [
      "one availability zone",
      { vpc: { kind: "new", availabilityZones: ["eu-west-1a"] } },
      /^`vpc\.availabilityZones`: got 1 zones; expected 2 or 3/,
    ],
    [
      "a zone of another region",
      { vpc: { kind: "new", availabilityZones: ["eu-west-1a", "us-east-1b"] } },
      /^`vpc\.availabilityZones\[1\]`: "us-east-1b" is not an availability zone of eu-west-1/,
    ],
    [
      "an account ID given as a number",
      { allowedAccounts: [111122223333 as unknown as string] },
      /^`allowedAccounts\[0\]`: expected a 12-digit account ID as a string/,
    ],
    [
      "an account ID with 11 digits",
      { allowedAccounts: ["11112222333"] },
      /^`allowedAccounts\[0\]`: "11112222333" is not an AWS account ID; expected exactly 12 digits/,
    ],
    [
      "gateway endpoints on an existing VPC without route tables",
      {
        vpc: {
          kind: "existing",
          vpcId: "vpc-0123456789abcdef0",
          cidr: "10.1.0.0/16",
          subnets: [
            { id: "subnet-0123456789abcdef1", availabilityZone: "eu-west-1a" },
            { id: "subnet-0123456789abcdef2", availabilityZone: "eu-west-1b" },
          ],
        },
      },
      /^`vpc\.routeTableIds`: is empty; gateway endpoints attach to route tables/,
    ],
    [
      "interface endpoints in one subnet",
      {
        vpc: {
          kind: "existing",
          vpcId: "vpc-0123456789abcdef0",
          cidr: "10.1.0.0/16",
          subnets: [{ id: "subnet-0123456789abcdef1", availabilityZone: "eu-west-1a" }],
          routeTableIds: ["rtb-0123456789abcdef0"],
        },
      },
      /^`vpc\.subnets`: lists 1 subnet\(s\); interface endpoints need one subnet in each of at least two availability zones/,
    ],
    [
      "a role ARN of another partition",
      { assumeRole: { roleArn: "arn:aws-cn:iam::111122223333:role/Deployer" } },
      /^`assumeRole\.roleArn`: .* is in partition aws-cn, but the region is in aws/,
    ],
    ["a reserved tag key", { tags: { "aws:owner": "me" } }, /^`tags\.aws:owner`: tag keys starting with `aws:` are reserved/],
    ["a malformed organization ID", { organizationId: "org-123" }, /^`organizationId`: "org-123" is not an AWS Organizations ID/],
    [
      "an invalid S3 backend bucket",
      { backend: { kind: "s3", bucket: "Bad_Bucket", key: "k.tfstate", region: "eu-west-1" } },
      /^`backend\.bucket`: "Bad_Bucket" is not an S3 bucket name/,
    ],
  ])("GIVEN %s THEN the error names the prop and what is expected", (_case, props, message) => {
    expect(make(props)).toThrow(message);
  });
});
