import { BlueprintInputError } from "../blueprints/lib/errors";
import { clip } from "../blueprints/lib/validate";
import type { BlueprintEntry } from "./bindings/blueprint";
import { endpointConsumerV1 } from "./bindings/endpoint-consumer";
import { endpointConsumerV2 } from "./bindings/endpoint-consumer/v2";
import { endpointHubV1 } from "./bindings/endpoint-hub";
import { endpointHubV2 } from "./bindings/endpoint-hub/v2";
import { endpointServiceV1 } from "./bindings/endpoint-service";
import { endpointServiceV2 } from "./bindings/endpoint-service/v2";
import { endpointServiceV3 } from "./bindings/endpoint-service/v3";
import { serviceEndpointsV1, serviceEndpointsV2, serviceEndpointsV3, serviceEndpointsV4 } from "./bindings/service-endpoints";

export type { BlueprintEntry } from "./bindings/blueprint";

/** Every blueprint version, oldest first within a blueprint. */
export const BLUEPRINTS: readonly BlueprintEntry[] = [
  serviceEndpointsV1,
  serviceEndpointsV2,
  serviceEndpointsV3,
  serviceEndpointsV4,
  endpointServiceV1,
  endpointServiceV2,
  endpointServiceV3,
  endpointConsumerV1,
  endpointConsumerV2,
  endpointHubV1,
  endpointHubV2,
];

/** The blueprint `--yes` and the prompt offer first. */
export const DEFAULT_BLUEPRINT = "service-endpoints";

/** `name@version` of an entry. */
export function refOf(entry: BlueprintEntry): string {
  return `${entry.manifest.name}@${entry.manifest.version}`;
}

/** Blueprint names, in listing order. */
export function blueprintNames(): string[] {
  return [...new Set(BLUEPRINTS.map((b) => b.manifest.name))];
}

/** The newest version of blueprint `name`. */
export function latestVersion(name: string): BlueprintEntry {
  const versions = BLUEPRINTS.filter((b) => b.manifest.name === name);
  if (versions.length === 0) throw unknownBlueprint(name);
  return versions.reduce((a, b) => (b.manifest.version > a.manifest.version ? b : a));
}

/** Looks up `name`, `name@2` or `name@v2`; without a version, the newest. */
export function findBlueprint(ref: string, field = "blueprint"): BlueprintEntry {
  const match = /^([a-z][a-z0-9-]*)(?:@v?(\d+))?$/.exec(ref);
  if (!match)
    throw new BlueprintInputError(
      field,
      `"${clip(ref)}" is not a blueprint reference; expected <name> or <name>@<version>, e.g. service-endpoints@1`,
    );
  const [, name, version] = match;
  if (version === undefined) return latestVersion(name);
  const found = BLUEPRINTS.find((b) => b.manifest.name === name && b.manifest.version === Number(version));
  if (!found) {
    const versions = BLUEPRINTS.filter((b) => b.manifest.name === name).map(refOf);
    if (versions.length === 0) throw unknownBlueprint(name, field);
    throw new BlueprintInputError(field, `${name} has no version ${version}; expected one of ${versions.join(", ")}`);
  }
  return found;
}

function unknownBlueprint(name: string, field = "blueprint"): BlueprintInputError {
  return new BlueprintInputError(
    field,
    `"${clip(name)}" is not a blueprint; expected one of ${blueprintNames().join(", ")} (see \`create-privatelink blueprints\`)`,
  );
}
