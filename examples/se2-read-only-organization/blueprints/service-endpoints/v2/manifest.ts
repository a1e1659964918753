import type { BlueprintManifest } from "../../lib/manifest.ts";

export const manifest: BlueprintManifest = {
  name: "service-endpoints",
  version: 2,
  summary:
    "Interface and gateway VPC endpoints so private subnets reach AWS services without the internet; read-only policy templates and organization scoping",
  inputs: ["region", "vpc", "services", "gatewayServices", "allowedAccounts", "organizationId", "readOnlyServices", "backend", "tags"],
};
