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
  const external = answers.spokeSharing === "external" && answers.transitGateway === "new";
  const accounts = [...new Set([...(answers.hubAccount ? [answers.hubAccount] : []), ...answers.spokes.map((s) => s.account)])];
  const hub: StackSpec = {
    id: "hub",
    varName: "hub",
    className: "EndpointHubStack",
    module: HUB_DIR,
    props: compact({
      ...baseProps(answers),
      assumeRole: answers.providerRoleArn ? compact({ roleArn: answers.providerRoleArn, externalId: answers.externalId }) : undefined,
      hubAccount: answers.hubAccount,
      cidr: answers.vpcCidr,
      availabilityZones: answers.availabilityZones,
      interfaceServices: answers.services,
      spokes: answers.spokes,
      transitGateway: answers.transitGateway,
      externalPrincipals: external ? true : undefined,
      onPremisesCidrs: answers.resolverInbound,
    }),
  };
  const spokes: StackSpec[] = answers.spokes.map((spoke) => {
    const crossAccount = spoke.account !== answers.hubAccount;
    return {
      id: `spoke-${spoke.vpcId}`,
      varName: varOf(spoke.vpcId),
      className: "EndpointHubSpokeStack",
      module: HUB_DIR,
      props: compact({
        ...baseProps(answers),
        spoke,
        hubCidr: answers.vpcCidr,
        policyAccounts: accounts,
        roleName: answers.spokeRoleName,
        externalId: answers.externalId,
      }),
      refs: {
        transitGatewayId: { stack: "hub", attribute: "transitGatewayId" },
        ...(crossAccount ? { hubZones: { stack: "hub", attribute: "authorizedZones" } } : {}),
        ...(crossAccount && external ? { resourceShareArn: { stack: "hub", attribute: "resourceShareArn" } } : {}),
      },
    };
  });
  checkStateKeys(answers, 1 + spokes.length);
  return [hub, ...spokes];
}
