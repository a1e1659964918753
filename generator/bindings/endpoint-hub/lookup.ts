import { awsService } from "../../../blueprints/lib/lint/rules-perimeter";
import { resolveService } from "../../../blueprints/lib/service-names";
import type { VpcToCheck } from "../../lookup/vpc-checks";
import type { EndpointHubAnswers } from "./questions";

/** The hub's interface services by full name: what `--lookup` asks AWS about (endpoint-hub@2). */
export const hubServiceNames = (answers: EndpointHubAnswers): string[] =>
  answers.services.map((ref, i) => resolveService(ref, answers.region, `services[${i}]`).serviceName);

/**
 * The spokes `--lookup` checks: the hub's private hosted zones are associated with each spoke VPC, which
 * needs DNS support and DNS hostnames on, and fails (ConflictingDomainExists) where the spoke already has
 * its own private-DNS endpoint for a service the hub answers for. Spokes in accounts these credentials
 * cannot see are reported as not checked.
 */
export function spokesToCheck(answers: EndpointHubAnswers): VpcToCheck[] {
  const names = hubServiceNames(answers);
  // zones are made for catalog services and full AWS service names; an endpoint service (vpce-svc) gets none
  const zoned = answers.services.flatMap((ref, i) =>
    !resolveService(ref, answers.region).custom || awsService(ref) !== undefined
      ? [{ serviceName: names[i], field: `services[${i}]` }]
      : [],
  );
  return answers.spokes.map((spoke, i) => ({
    vpcId: spoke.vpcId,
    field: `spokes[${i}].vpcId`,
    needs: "the hub's private hosted zones, associated with the spoke",
    privateDns: zoned,
    conflict: `associating the hub's zone for it with spoke ${i} fails at apply (ConflictingDomainExists): turn that endpoint's private DNS off, or delete it (the hub serves the service), or leave the service out of the hub`,
  }));
}
