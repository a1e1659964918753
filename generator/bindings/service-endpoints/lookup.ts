import { serviceNameV2 } from "../../../blueprints/lib/facts/china-prefixes";
import { isServiceNameFormat } from "../../../blueprints/lib/service-names";
import type { AwsFacts } from "../../lookup/facts";
import { endpointPlacement } from "../../lookup/placement";
import type { ServiceEndpointsAnswers } from "./questions";

/** The interface services' names as service-endpoints@3 writes them (China prefixes per region): what `--lookup` asks AWS about. */
export function interfaceServiceNames(answers: ServiceEndpointsAnswers): string[] {
  // A full service name (another team's vpce-svc service, say) is asked about as it is written.
  return answers.services.map((ref, i) => (isServiceNameFormat(ref) ? ref : serviceNameV2(ref, answers.region, `services[${i}]`)));
}

/** The zones of the endpoints' subnets, as the answers give them (names or IDs). */
function endpointZones(answers: ServiceEndpointsAnswers): string[] {
  return answers.vpc === "existing" ? (answers.subnets ?? []).map((s) => s.split("@")[1]) : [...answers.availabilityZones];
}

/**
 * `serviceZones` for the stack: for each service AWS does not offer in every
 * chosen zone, the zones it is offered in (as the answers name them). A
 * service offered in fewer than two of them is refused here, naming it
 * (`services[i]`), before anything is written.
 */
export function serviceZonesFrom(answers: ServiceEndpointsAnswers, facts: AwsFacts | undefined): Record<string, string[]> | undefined {
  if (!facts || answers.services.length === 0) return undefined;
  const zones = endpointZones(answers).map((availabilityZone) => ({ availabilityZone }));
  const placements = endpointPlacement(facts, interfaceServiceNames(answers), zones, { servicesField: "services" });
  const limited = placements.flatMap((placement, i) =>
    placement.skipped.length === 0 ? [] : [[answers.services[i], placement.subnets.map((s) => s.availabilityZone)] as const],
  );
  return limited.length === 0 ? undefined : Object.fromEntries(limited);
}
