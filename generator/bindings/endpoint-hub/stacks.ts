import type { StackSpec } from "../../stack-spec";
import { baseProps, checkStateKeys, compact } from "../common";
import type { EndpointHubAnswers } from "./questions";

export const HUB_DIR = "blueprints/endpoint-hub/v1";

const varOf = (vpcId: string) => `spoke_${vpcId.replace(/-/g, "_")}`;

/**
 * The hub stack, then one stack per spoke VPC (spokes differ in more than one
 * value, so each is its own declaration rather than a loop). A spoke refers to
 * the hub's transit gateway and, in another account, to the hub's association
 * authorizations and RAM share: cross-stack references that also order them.
 */
export function hubStacks(answers: EndpointHubAnswers): StackSpec[] {
  return hubStacksIn(answers, HUB_DIR);
}

/** What v2 adds to the stacks' props: the gateway's route tables, and which accounts accept the share. */
export interface HubStackOptions {
  /** An existing gateway's route tables, given as answers. */
  readonly transitRouteTables?: { readonly spokes: string; readonly hub: string };
  /** Spokes associate and propagate their attachments (v2). @default false */
  readonly routeTables?: boolean;
  /** Cross-account spoke accounts that accept the RAM share; empty: every cross-account spoke (v1). @default [] */
  readonly externalAccounts?: readonly string[];
  /** A dual-stack hub (v2's --ip-address-type dualstack): spokes route the hub's IPv6 block. @default false */
  readonly dualStack?: boolean;
}

/** The stacks of a hub version in `module`. */
export function hubStacksIn(answers: EndpointHubAnswers, module: string, options: HubStackOptions = {}): StackSpec[] {
  const external = answers.spokeSharing === "external" && answers.transitGateway === "new";
  const hubRole = answers.providerRoleArn ? compact({ roleArn: answers.providerRoleArn, externalId: answers.externalId }) : undefined;
  const accepts = (account: string) => (options.externalAccounts?.length ? options.externalAccounts.includes(account) : true);
  const routed = options.routeTables && (answers.transitGateway === "new" || options.transitRouteTables !== undefined);
  const accounts = [...new Set([...(answers.hubAccount ? [answers.hubAccount] : []), ...answers.spokes.map((s) => s.account)])];
  const hub: StackSpec = {
    id: "hub",
    varName: "hub",
    className: "EndpointHubStack",
    module,
    props: compact({
      ...baseProps(answers),
      assumeRole: hubRole,
      hubAccount: answers.hubAccount,
      cidr: answers.vpcCidr,
      availabilityZones: answers.availabilityZones,
      interfaceServices: answers.services,
      spokes: answers.spokes,
      transitGateway: answers.transitGateway,
      externalPrincipals: external ? true : undefined,
      onPremisesCidrs: answers.resolverInbound,
      transitRouteTables: options.transitRouteTables,
      ...(options.dualStack ? { ipAddressType: "dualstack" } : {}),
    }),
  };
  const spokes: StackSpec[] = answers.spokes.map((spoke) => {
    const crossAccount = spoke.account !== answers.hubAccount;
    return {
      id: `spoke-${spoke.vpcId}`,
      varName: varOf(spoke.vpcId),
      className: "EndpointHubSpokeStack",
      module,
      props: compact({
        ...baseProps(answers),
        spoke,
        ...(routed ? { hubAssumeRole: hubRole } : {}),
        hubCidr: answers.vpcCidr,
        policyAccounts: accounts,
        roleName: answers.spokeRoleName,
        externalId: answers.externalId,
      }),
      refs: {
        transitGatewayId: { stack: "hub", attribute: "transitGatewayId" },
        ...(crossAccount ? { hubZones: { stack: "hub", attribute: "authorizedZones" } } : {}),
        ...(crossAccount && external && accepts(spoke.account)
          ? { resourceShareArn: { stack: "hub", attribute: "resourceShareArn" } }
          : {}),
        ...(routed ? { transitRouteTables: { stack: "hub", attribute: "transitRouteTables" } } : {}),
        ...(options.dualStack ? { hubIpv6Cidr: { stack: "hub", attribute: "ipv6Cidr" } } : {}),
      },
    };
  });
  checkStateKeys(answers, 1 + spokes.length);
  return [hub, ...spokes];
}
