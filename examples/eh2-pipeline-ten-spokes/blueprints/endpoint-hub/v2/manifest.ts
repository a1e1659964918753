import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "endpoint-hub",
  version: 2,
  summary:
    "Interface endpoints in one central VPC, shared with many VPCs and accounts over a transit gateway whose route tables keep spokes apart, with private hosted zones for their DNS",
  inputs: [
    "region",
    "services",
    "vpc",
    "providerRoleArn",
    "spokes",
    "hubAccount",
    "transitGateway",
    "transitRouteTables",
    "externalAccounts",
    "spokeSharing",
    "spokeRoleName",
    "externalId",
    "resolverInbound",
    "backend",
    "tags",
  ],
};
