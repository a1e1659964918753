import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "endpoint-consumer",
  version: 1,
  summary: "Connect consumer accounts to another team's endpoint service: one interface endpoint per account",
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
