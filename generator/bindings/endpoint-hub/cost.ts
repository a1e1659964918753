import { PRICES } from "../../cost";

/**
 * A central endpoint hub against interface endpoints in every spoke VPC: the
 * monthly cost of each for the answers given, and from how many VPCs the hub is
 * cheaper. Transit gateway prices are the us-east-1 list prices of the AWS
 * Transit Gateway pricing page; the data volume is an assumption, stated.
 */
export const HUB_PRICES = {
  tgwAttachmentHour: PRICES.tgwAttachmentHour,
  tgwGb: PRICES.tgwGb,
  /** Assumed GB per spoke VPC per month through the endpoints. */
  assumedGbPerVpc: 100,
} as const;

export interface HubCostInput {
  readonly services: number;
  readonly zones: number;
  readonly spokes: number;
  readonly region: string;
}

const usd = (n: number) => `USD ${n.toFixed(2)}`;

/** Monthly cost of endpoints in each of `vpcs` VPCs, at the assumed volume. */
export function perVpcMonthly(input: HubCostInput, vpcs: number): number {
  const endpointHour = PRICES.interfaceEndpointHour * PRICES.monthHours;
  return vpcs * (input.services * input.zones * endpointHour + HUB_PRICES.assumedGbPerVpc * PRICES.interfaceGb);
}

/** Monthly cost of the hub serving `vpcs` spoke VPCs, at the assumed volume. */
export function hubMonthly(input: HubCostInput, vpcs: number): number {
  const endpoints = input.services * input.zones * PRICES.interfaceEndpointHour * PRICES.monthHours;
  const attachments = (vpcs + 1) * HUB_PRICES.tgwAttachmentHour * PRICES.monthHours;
  return endpoints + attachments + vpcs * HUB_PRICES.assumedGbPerVpc * (PRICES.interfaceGb + HUB_PRICES.tgwGb);
}

/** The smallest number of spoke VPCs from which the hub is cheaper, or undefined when it never is. */
export function breakEvenVpcs(input: HubCostInput): number | undefined {
  const perVpc = perVpcMonthly(input, 1);
  const marginal = hubMonthly(input, 1) - hubMonthly(input, 0);
  if (perVpc <= marginal) return undefined;
  const fixed = hubMonthly(input, 0);
  return Math.floor(fixed / (perVpc - marginal)) + 1;
}

/** The comparison as lines for the README and the closing summary. */
export function hubComparisonLines(input: HubCostInput): string[] {
  const { services, zones, spokes } = input;
  const perVpc = perVpcMonthly(input, spokes);
  const hub = hubMonthly(input, spokes);
  const breakEven = breakEvenVpcs(input);
  const where = input.region === "us-east-1" ? "" : `; prices in ${input.region} may differ`;
  return [
    `Endpoints in every VPC: ${spokes} VPC x ${services} endpoint(s) x ${zones} AZ x ${PRICES.monthHours} h x USD ${PRICES.interfaceEndpointHour} + USD ${PRICES.interfaceGb} per GB = about ${usd(perVpc)} per month.`,
    `This hub: ${services} endpoint(s) x ${zones} AZ x ${PRICES.monthHours} h x USD ${PRICES.interfaceEndpointHour}, plus ${spokes + 1} transit gateway attachment(s) (hub and spokes) x ${PRICES.monthHours} h x USD ${HUB_PRICES.tgwAttachmentHour}, plus USD ${PRICES.interfaceGb + HUB_PRICES.tgwGb} per GB (endpoint and transit gateway) = about ${usd(hub)} per month.`,
    breakEven === undefined
      ? `Break-even: with ${services} service(s) in ${zones} AZ the hub is never cheaper (each spoke's attachment and transit data cost more than the endpoints it saves); it pays for itself in DNS and policy in one place, not in money.`
      : `Break-even: the hub is cheaper from ${breakEven} spoke VPC(s) on (${services} service(s) in ${zones} AZ); ${spokes >= breakEven ? "this project is past it" : `this project has ${spokes}`}.`,
    `Assumed: ${HUB_PRICES.assumedGbPerVpc} GB per spoke VPC per month, the same zones in every VPC, us-east-1 list prices${where} (AWS PrivateLink and AWS Transit Gateway pricing pages); spokes that keep an existing attachment (attachmentId) pay for it already.`,
  ];
}
