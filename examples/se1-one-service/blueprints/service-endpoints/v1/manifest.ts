import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "service-endpoints",
  version: 1,
  summary: "Interface and gateway VPC endpoints so private subnets reach AWS services without the internet",
  inputs: ["region", "vpc", "services", "gatewayServices", "allowedAccounts", "backend", "tags"],
};
