import { BlueprintInputError } from "../../blueprints/lib/errors";
import { clip } from "../../blueprints/lib/validate";
import { CONTEXT_FILE } from "./context-file";
import { type AwsFacts, type ServiceFacts, servicesNamed, type ZoneFacts } from "./facts";

/** Where the inputs of a placement came from, and how many zones an endpoint needs. */
export interface PlacementOptions {
  /** Zones each interface endpoint needs, so that it survives the loss of one. @default 2 */
  readonly minZones?: number;
  /** The answer the service names came from: service `i` is reported as `<servicesField>[i]`. @default "services" */
  readonly servicesField?: string;
  /** The answer the subnets or zones came from: entry `i` is reported as `<zonesField>[i]`. @default "availabilityZones" */
  readonly zonesField?: string;
}

/** Anything placed in a zone: an existing subnet, or a zone of a new VPC. */
export interface Zoned {
  /** The zone, by name (`us-west-1b`) or ID (`usw1-az1`). */
  readonly availabilityZone: string;
}

/** Where one interface endpoint goes. */
export interface EndpointPlacement<S extends Zoned> {
  /** Full service name. */
  readonly serviceName: string;
  /** The given subnets in zones that offer the service, in the given order. */
  readonly subnets: readonly S[];
  /** The zones of `subnets`, in the same order. */
  readonly zones: readonly ZoneFacts[];
  /** The given subnets left out because the service is not offered in their zone. */
  readonly skipped: readonly S[];
}

/**
 * For each interface service, the subnets (or zones) its endpoint may use:
 * those in a zone that offers the service, as recorded by `--lookup`.
 * Endpoints are placed only where the service is offered; a service offered
 * in fewer than `minZones` of the given zones is a BlueprintInputError naming
 * the service and the zones that offer it. Zones are matched by ID, so a
 * subnet given by zone name and a service answer by zone ID line up.
 */
export function endpointPlacement<S extends Zoned>(
  facts: AwsFacts,
  serviceNames: readonly string[],
  subnets: readonly S[],
  options: PlacementOptions = {},
): EndpointPlacement<S>[] {
  const minZones = options.minZones ?? 2;
  const servicesField = options.servicesField ?? "services";
  const zones = resolveZones(
    facts,
    subnets.map((s) => s.availabilityZone),
    options.zonesField,
  );
  return serviceNames.map((serviceName, i) => {
    const service = interfaceFacts(facts, serviceName, `${servicesField}[${i}]`);
    const offered = new Set(service.zoneIds);
    const keep = subnets.map((_, j) => offered.has(zones[j]!.zoneId));
    const placed = zones.filter((_, j) => keep[j]);
    if (new Set(placed.map((z) => z.zoneId)).size < minZones) {
      throw new BlueprintInputError(
        `${servicesField}[${i}]`,
        `${serviceName} is offered in ${placed.length === 0 ? "none" : `only ${zoneList(placed)}`} of the chosen zones (${zoneList(zones)}); ` +
          `expected at least ${minZones}: AWS offers it in ${service.zoneIds.length === 0 ? "no available zone" : zoneList(offeredZones(facts, service))} of ${facts.region}, so choose subnets or zones among those`,
      );
    }
    return { serviceName, subnets: subnets.filter((_, j) => keep[j]), zones: placed, skipped: subnets.filter((_, j) => !keep[j]) };
  });
}

/**
 * The wanted zones (names or IDs, in the given order) that offer every one of
 * the interface services: where one subnet per zone can serve all endpoints.
 * Each service must be offered in `minZones` of them (else the error names the
 * service, as `endpointPlacement` does), and together in `minZones` (else the
 * error names the zones answer and the services that rule zones out).
 */
export function placeableZones(
  facts: AwsFacts,
  serviceNames: readonly string[],
  wantedZones: readonly string[],
  options: PlacementOptions = {},
): ZoneFacts[] {
  const minZones = options.minZones ?? 2;
  const zonesField = options.zonesField ?? "availabilityZones";
  const wanted = resolveZones(facts, wantedZones, zonesField);
  const placements = endpointPlacement(
    facts,
    serviceNames,
    wantedZones.map((availabilityZone) => ({ availabilityZone })),
    options,
  );
  const common = wanted.filter((z) => placements.every((p) => p.zones.some((q) => q.zoneId === z.zoneId)));
  if (new Set(common.map((z) => z.zoneId)).size < minZones) {
    const lacking = placements
      .filter((p) => p.skipped.length > 0)
      .map(
        (p) =>
          `${p.serviceName} is not in ${zoneList(
            resolveZones(
              facts,
              p.skipped.map((s) => s.availabilityZone),
            ),
          )}`,
      );
    throw new BlueprintInputError(
      zonesField,
      `only ${common.length === 0 ? "no zone" : zoneList(common)} of ${zoneList(wanted)} offers every chosen service (${lacking.join("; ")}); ` +
        `expected at least ${minZones}: choose other zones, or place each endpoint in the zones that offer its service`,
    );
  }
  return common;
}

/**
 * The recorded zones for zone names or IDs; one the lookup did not find (not
 * in the region, or not available) is an error naming `<field>[i]`.
 * @param field @default "availabilityZones"
 */
export function resolveZones(facts: AwsFacts, zones: readonly string[], field = "availabilityZones"): ZoneFacts[] {
  return zones.map((wanted, i) => {
    const found = facts.zones.find((z) => z.zoneId === wanted || z.zoneName === wanted);
    if (!found) {
      throw new BlueprintInputError(
        `${field}[${i}]`,
        `"${clip(wanted)}" is not an available zone of ${facts.region} in ${CONTEXT_FILE}; expected one of ${zoneList(facts.zones)}`,
      );
    }
    return found;
  });
}

function interfaceFacts(facts: AwsFacts, serviceName: string, field: string): ServiceFacts {
  const entries = servicesNamed(facts, serviceName);
  const found = entries.find((s) => s.serviceType === "Interface");
  if (found) return found;
  if (entries.length > 0) {
    throw new BlueprintInputError(
      field,
      `${serviceName} is offered in ${facts.region} as ${entries.map((s) => s.serviceType).join(", ")} only, not Interface; expected an interface service (gateway endpoints use route tables, not subnets)`,
    );
  }
  throw new BlueprintInputError(
    field,
    `${serviceName} is not in ${CONTEXT_FILE}; expected a service recorded by the last lookup: run the generator again with --lookup`,
  );
}

function offeredZones(facts: AwsFacts, service: ServiceFacts): ZoneFacts[] {
  return service.zoneIds.map(
    (id, i) => facts.zones.find((z) => z.zoneId === id) ?? { zoneId: id, zoneName: service.zoneNames[i]!, optInStatus: "" },
  );
}

/** `usw1-az1 (us-west-1b), usw1-az3 (us-west-1c)`: IDs for matching across accounts, names for reading. */
function zoneList(zones: readonly ZoneFacts[]): string {
  return zones.map((z) => `${z.zoneId} (${z.zoneName})`).join(", ");
}
