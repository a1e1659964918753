import { BlueprintInputError } from "../../blueprints/lib/errors";
import { regionInfo } from "../../blueprints/lib/partitions";
import { clip, describe } from "../../blueprints/lib/validate";
import { type AwsFacts, SERVICE_TYPES, type ServiceFacts, type ServiceType, type ZoneFacts } from "./facts";

type Json = Record<string, unknown>;

const REDO = "run the generator again with --lookup to rewrite it";
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ZONE_ID = /^[a-z0-9]+-az\d+$/;

/**
 * Checks the shape of a context file's text and returns its facts. Errors
 * name `<file>:<field>` (e.g. `privatelink.context.json:services[1].zoneIds[0]`)
 * and say what is expected. Unknown keys are ignored; a `version` other than
 * `version` is refused.
 */
export function parseFacts(text: string, file: string, version: number): AwsFacts {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BlueprintInputError(file, `is not JSON (${(error as Error).message}); expected the file that --lookup writes: ${REDO}`);
  }
  const root = object(document, file);
  const at = (path: string) => `${file}:${path}`;
  if (root.version !== version) {
    throw new BlueprintInputError(
      at("version"),
      `is ${describe(root.version)}; expected ${version}, the format this create-privatelink reads: ${REDO}`,
    );
  }
  const region = string(root, "region", at("region"));
  const info = regionInfo(region, at("region"));
  const partition = string(root, "partition", at("partition"));
  if (partition !== info.partition) {
    throw new BlueprintInputError(
      at("partition"),
      `is "${clip(partition)}", but ${region} is in ${info.partition}; expected ${info.partition}: ${REDO}`,
    );
  }
  const lookedUpAt = string(root, "lookedUpAt", at("lookedUpAt"));
  if (!ISO_UTC.test(lookedUpAt) || Number.isNaN(Date.parse(lookedUpAt))) {
    throw new BlueprintInputError(
      at("lookedUpAt"),
      `"${clip(lookedUpAt)}" is not a UTC timestamp; expected ISO 8601 such as 2025-01-31T12:00:00.000Z`,
    );
  }
  const zones = list(root, "zones", at("zones")).map((z, i) => toZone(z, at(`zones[${i}]`)));
  const services = list(root, "services", at("services")).map((s, i) => toService(s, at(`services[${i}]`), zones));
  return { region, partition: info.partition, lookedUpAt, zones, services };
}

function toZone(value: unknown, field: string): ZoneFacts {
  const z = object(value, field);
  const zoneId = string(z, "zoneId", `${field}.zoneId`);
  if (!ZONE_ID.test(zoneId)) {
    throw new BlueprintInputError(`${field}.zoneId`, `"${clip(zoneId)}" is not a zone ID; expected the form usw1-az1`);
  }
  return { zoneName: string(z, "zoneName", `${field}.zoneName`), zoneId, optInStatus: string(z, "optInStatus", `${field}.optInStatus`) };
}

function toService(value: unknown, field: string, zones: readonly ZoneFacts[]): ServiceFacts {
  const s = object(value, field);
  const serviceType = string(s, "serviceType", `${field}.serviceType`) as ServiceType;
  if (!SERVICE_TYPES.includes(serviceType)) {
    throw new BlueprintInputError(`${field}.serviceType`, `is "${clip(serviceType)}"; expected one of ${SERVICE_TYPES.join(", ")}`);
  }
  const zoneNames = strings(s, "zoneNames", `${field}.zoneNames`);
  const zoneIds = strings(s, "zoneIds", `${field}.zoneIds`);
  if (zoneNames.length !== zoneIds.length) {
    throw new BlueprintInputError(
      `${field}.zoneIds`,
      `lists ${zoneIds.length} zones but zoneNames lists ${zoneNames.length}; expected the IDs of the same zones, in order`,
    );
  }
  zoneIds.forEach((id, i) => {
    const zone = zones.find((z) => z.zoneId === id);
    if (!zone || zone.zoneName !== zoneNames[i]) {
      throw new BlueprintInputError(
        `${field}.zoneIds[${i}]`,
        `"${clip(id)}" (${clip(String(zoneNames[i]))}) is not in \`zones\`; expected a zone ID and name listed there`,
      );
    }
  });
  return {
    serviceName: string(s, "serviceName", `${field}.serviceName`),
    serviceType,
    zoneNames,
    zoneIds,
    policySupported: boolean(s, "policySupported", `${field}.policySupported`),
    privateDnsNames: strings(s, "privateDnsNames", `${field}.privateDnsNames`),
    ipAddressTypes: strings(s, "ipAddressTypes", `${field}.ipAddressTypes`),
    owner: string(s, "owner", `${field}.owner`),
    acceptanceRequired: boolean(s, "acceptanceRequired", `${field}.acceptanceRequired`),
    managesVpcEndpoints: boolean(s, "managesVpcEndpoints", `${field}.managesVpcEndpoints`),
    baseEndpointDnsNames: strings(s, "baseEndpointDnsNames", `${field}.baseEndpointDnsNames`),
  };
}

function object(value: unknown, field: string): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BlueprintInputError(field, `expected an object, got ${describe(value)}`);
  }
  return value as Json;
}

function string(o: Json, key: string, field: string): string {
  const value = o[key];
  if (typeof value !== "string") throw new BlueprintInputError(field, `expected a string, got ${missingOr(value)}`);
  return value;
}

function boolean(o: Json, key: string, field: string): boolean {
  const value = o[key];
  if (typeof value !== "boolean") throw new BlueprintInputError(field, `expected true or false, got ${missingOr(value)}`);
  return value;
}

function list(o: Json, key: string, field: string): unknown[] {
  const value = o[key];
  if (!Array.isArray(value)) throw new BlueprintInputError(field, `expected a list, got ${missingOr(value)}`);
  return value;
}

function strings(o: Json, key: string, field: string): string[] {
  return list(o, key, field).map((v, i) => {
    if (typeof v !== "string") throw new BlueprintInputError(`${field}[${i}]`, `expected a string, got ${describe(v)}`);
    return v;
  });
}

const missingOr = (value: unknown) => (value === undefined ? "nothing (the key is missing)" : describe(value));
