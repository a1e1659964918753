import { serviceNameV2 } from "../../../blueprints/lib/facts/china-prefixes";
import { isServiceNameFormat, resolveService } from "../../../blueprints/lib/service-names";
import type { AwsFacts } from "../../lookup/facts";
import { endpointPlacement } from "../../lookup/placement";
import type { VpcToCheck } from "../../lookup/vpc-checks";
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

/**
 * `serviceIpAddressTypes` for a dual-stack stack: each interface service's `SupportedIpAddressTypes` as AWS
 * answered, so that an endpoint is dual-stack exactly where this account and region offer IPv6 (AWS's
 * published table, the default without `--lookup`, is per service, not per region).
 */
export function serviceIpAddressTypesFrom(
  answers: ServiceEndpointsAnswers,
  facts: AwsFacts | undefined,
): Record<string, string[]> | undefined {
  if (!facts || answers.ipAddressType !== "dualstack" || answers.services.length === 0) return undefined;
  const names = interfaceServiceNames(answers);
  const answered = answers.services.flatMap((ref, i) => {
    const found = facts.services.find((s) => s.serviceName === names[i] && s.serviceType === "Interface");
    return found ? [[ref, [...found.ipAddressTypes]] as [string, string[]]] : [];
  });
  return answered.length === 0 ? undefined : Object.fromEntries(answered);
}

/**
 * The existing VPC `--lookup` checks (service-endpoints@4): DNS support and hostnames on, and no
 * private-DNS endpoint of its own for a service this project gives private DNS to.
 */
export function vpcToCheck(answers: ServiceEndpointsAnswers): VpcToCheck[] {
  if (answers.vpc !== "existing" || !answers.vpcId) return [];
  const names = interfaceServiceNames(answers);
  const privateDns = answers.services.flatMap((ref, i) =>
    ref !== "dynamodb" && resolveService(ref, answers.region, `services[${i}]`).privateDns
      ? [{ serviceName: names[i], field: `services[${i}]` }]
      : [],
  );
  return [
    {
      vpcId: answers.vpcId,
      field: "vpcId",
      needs: "interface endpoints with private DNS",
      privateDns,
      conflict:
        "AWS refuses a second endpoint with private DNS for the same service in a VPC (its names are taken) at apply: leave the service out (the VPC has it), or turn that endpoint's private DNS off first",
    },
  ];
}
