/**
 * Monthly cost estimate of a project's endpoints, from the us-east-1 list prices
 * in the team's PrivateLink facts sheet: a rough guide, stated with its
 * assumptions, never a quote.
 */
export const PRICES = {
  /** USD per interface endpoint per AZ per hour. */
  interfaceEndpointHour: 0.01,
  /** USD per GB processed by interface endpoints (first tier). */
  interfaceGb: 0.01,
  /** USD per NLB hour, before LCU charges. */
  nlbHour: 0.0225,
  /** Hours in an average month. */
  monthHours: 730,
  /** USD per transit gateway attachment per hour (AWS Transit Gateway pricing). */
  tgwAttachmentHour: 0.05,
  /** USD per GB a transit gateway processes. */
  tgwGb: 0.02,
} as const;

export interface CostInput {
  /** Interface endpoints across all stacks. */
  readonly interfaceEndpoints: number;
  /** Availability zones each interface endpoint is in. */
  readonly zones: number;
  readonly gatewayEndpoints: number;
  readonly networkLoadBalancers: number;
  /** Transit gateway attachments the project creates. @default 0 (no line) */
  readonly transitGatewayAttachments?: number;
  readonly region: string;
}

/** The estimate as lines for the summary and the README. */
export function costLines(input: CostInput): string[] {
  const endpointHours = input.interfaceEndpoints * input.zones * PRICES.monthHours;
  const endpoints = endpointHours * PRICES.interfaceEndpointHour;
  const nlb = input.networkLoadBalancers * PRICES.monthHours * PRICES.nlbHour;
  const lines = [
    input.interfaceEndpoints === 0
      ? "Interface endpoints: none in this project."
      : `Interface endpoints: ${input.interfaceEndpoints} x ${input.zones} AZ x ${PRICES.monthHours} h x USD ${PRICES.interfaceEndpointHour} = about USD ${endpoints.toFixed(2)} per month, plus USD ${PRICES.interfaceGb} per GB processed.`,
  ];
  if (input.gatewayEndpoints > 0) lines.push(`Gateway endpoints: ${input.gatewayEndpoints}, no charge.`);
  if (input.networkLoadBalancers > 0)
    lines.push(
      `Network Load Balancer: ${input.networkLoadBalancers} x ${PRICES.monthHours} h x USD ${PRICES.nlbHour} = about USD ${nlb.toFixed(2)} per month, plus LCU charges.`,
    );
  const attachments = (input.transitGatewayAttachments ?? 0) * PRICES.monthHours * PRICES.tgwAttachmentHour;
  if (attachments > 0)
    lines.push(
      `Transit gateway attachments: ${input.transitGatewayAttachments} x ${PRICES.monthHours} h x USD ${PRICES.tgwAttachmentHour} = about USD ${attachments.toFixed(2)} per month, plus USD ${PRICES.tgwGb} per GB processed.`,
    );
  const where = input.region === "us-east-1" ? "" : `; prices in ${input.region} may differ`;
  lines.push(
    `Total: about USD ${(endpoints + nlb + attachments).toFixed(2)} per month before data processing. Assumed: us-east-1 list prices${where} (see the AWS PrivateLink and Elastic Load Balancing pricing pages${attachments > 0 ? ", and AWS Transit Gateway pricing" : ""}).`,
  );
  return lines;
}
