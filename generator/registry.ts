import { BlueprintInputError } from "../blueprints/lib/errors";
import type { BlueprintManifest } from "../blueprints/lib/manifest";
import { clip } from "../blueprints/lib/validate";
import type { Answers } from "./answers/types";
import { endpointConsumerV1, endpointServiceV1 } from "./bindings/endpoint-service";
import { serviceEndpointsV1, serviceEndpointsV2 } from "./bindings/service-endpoints";
import type { ProjectDescription } from "./describe";
import type { Migration } from "./lifecycle/migrations";
import type { StackSpec } from "./stack-spec";

/** A released blueprint version, as the generator sees it. */
export interface BlueprintEntry {
  readonly manifest: BlueprintManifest;
  /** The version's folders (its own and those it builds on), relative to this repository's root and to a generated project's. */
  readonly dirs: readonly string[];
  /** The stacks a project with these answers has. */
  readonly stacks: (answers: Answers) => StackSpec[];
  /** Loads the version's module (its stack classes). */
  readonly load: () => Record<string, unknown>;
  /** What the README and the closing summary say about a project. */
  readonly describe: (answers: Answers) => ProjectDescription;
  /** Runs when an upgrade crosses into this version from the one before. @default none */
  readonly migration?: Migration;
}

/** Every blueprint version, oldest first within a blueprint. */
export const BLUEPRINTS: readonly BlueprintEntry[] = [serviceEndpointsV1, serviceEndpointsV2, endpointServiceV1, endpointConsumerV1];

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
    const versions = BLUEPRINTS.filter((b) => b.manifest.name === name).map((b) => `${name}@${b.manifest.version}`);
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
