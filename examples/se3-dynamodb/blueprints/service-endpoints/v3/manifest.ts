import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "service-endpoints",
  version: 3,
  summary:
    "Interface and gateway VPC endpoints with data-perimeter policies (AWS-owned buckets, STS federation, private APIs, trusted resources), zone IDs and an optional deploy role",
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
