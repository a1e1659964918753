import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "endpoint-service",
  version: 1,
  summary:
    "Offer a service over PrivateLink: internal NLB and endpoint service in the provider account, interface endpoints in each consumer account",
  inputs: [
    "region",
    "layout",
    "vpc",
    "providerRoleArn",
    "consumerAccounts",
    "consumerRoleName",
    "externalId",
    "listener",
    "targets",
    "privateDnsName",
    "notificationTopicArn",
    "supportedRegions",
    "backend",
    "tags",
  ],
};
