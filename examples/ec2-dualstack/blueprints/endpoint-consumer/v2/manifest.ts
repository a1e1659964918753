import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "endpoint-consumer",
  version: 2,
  summary:
    "Connect consumer accounts to another team's endpoint service: one interface endpoint per account, private DNS turned on after the provider accepts",
  inputs: [
    "region",
    "serviceName",
    "serviceRegion",
    "consumerAccounts",
    "consumerRoleName",
    "externalId",
    "vpc",
    "listener",
    "privateDnsName",
    "backend",
    "tags",
  ],
};
