import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "endpoint-hub",
  version: 1,
  summary:
    "Interface endpoints in one central VPC, shared with many VPCs and accounts over a transit gateway, with private hosted zones for their DNS",
  inputs: [
    "region",
    "services",
    "vpc",
    "providerRoleArn",
    "spokes",
    "hubAccount",
    "transitGateway",
    "spokeSharing",
    "spokeRoleName",
    "externalId",
    "resolverInbound",
    "backend",
    "tags",
  ],
};
