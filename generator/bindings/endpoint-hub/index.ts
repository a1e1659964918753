import { manifest } from "../../../blueprints/endpoint-hub/v1/manifest";
import { backendQuestions, projectName, providerRoleArn, region, tags, vpcQuestions } from "../../answers/common-questions";
import { defineBlueprint } from "../blueprint";
import { BASE_PROP_ANSWERS } from "../common";
import { externalId } from "../privatelink-questions";
import { services } from "../service-endpoints/questions";
import { describeHub } from "./describe";
import {
  ENDPOINT_HUB_PROP_ANSWERS,
  type EndpointHubAnswers,
  hubAccount,
  hubZones,
  resolverInbound,
  spokeRoleName,
  spokeSharing,
  spokes,
  transitGateway,
} from "./questions";
import { HUB_DIR, hubStacks } from "./stacks";

/** The hub VPC's CIDR question (the shared VPC library's, for a new VPC). */
const [vpcCidr] = vpcQuestions({ existing: false, zoneIds: true });

/** endpoint-hub v1: a hub stack with the endpoints, and one stack per spoke VPC. */
export const endpointHubV1 = defineBlueprint<EndpointHubAnswers>({
  manifest,
  dirs: [HUB_DIR],
  load: () => require("../../../blueprints/endpoint-hub/v1"),
  questions: [
    projectName,
    region,
    services,
    vpcCidr,
    hubZones,
    providerRoleArn,
    resolverInbound,
    spokes,
    hubAccount,
    transitGateway,
    spokeSharing,
    spokeRoleName,
    externalId,
    ...backendQuestions,
    tags,
  ],
  propAnswers: { ...BASE_PROP_ANSWERS, ...ENDPOINT_HUB_PROP_ANSWERS },
  stacks: hubStacks,
  describe: describeHub,
});
