import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "service-endpoints",
  version: 4,
  summary:
    "Interface and gateway VPC endpoints with data-perimeter policies, subnets sized for their endpoints, the SSM Agent under a read-only ssm, CodeArtifact and Elastic Beanstalk buckets",
  inputs: [
    "region",
    "vpc",
    "services",
    "gatewayServices",
    "allowedAccounts",
    "organizationId",
    "readOnlyServices",
    "trustedResources",
    "onPremisesCidrs",
    "providerRoleArn",
    "externalId",
    "backend",
    "tags",
  ],
};
