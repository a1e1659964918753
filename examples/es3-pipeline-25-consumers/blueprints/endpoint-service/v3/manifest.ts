import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "endpoint-service",
  version: 3,
  summary:
    "Offer a service over PrivateLink: internal NLB and endpoint service, one interface endpoint per consumer account (new or existing VPC), acceptance and private DNS as code",
  inputs: [
    "region",
    "layout",
    "vpc",
    "providerRoleArn",
    "consumerAccounts",
    "consumers",
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
