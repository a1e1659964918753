import { STABLE_ZONE_RULES } from "../../../blueprints/lib/stable-zones";
import { manifest } from "../../../blueprints/service-endpoints/v1/manifest";
import { manifest as manifestV2 } from "../../../blueprints/service-endpoints/v2/manifest";
import { manifest as manifestV3 } from "../../../blueprints/service-endpoints/v3/manifest";
import { manifest as manifestV4 } from "../../../blueprints/service-endpoints/v4/manifest";
import { backendQuestions, projectName, providerRoleArn, region, routeTableIds, tags, vpcQuestions } from "../../answers/common-questions";
import { DUAL_STACK_PROP_ANSWERS, ipAddressTypeProp, withDualStack } from "../../answers/dual-stack-questions";
import { withPipeline } from "../../answers/pipeline-questions";
import type { AwsFacts } from "../../lookup/facts";
import type { StackSpec } from "../../stack-spec";
import { defineBlueprint } from "../blueprint";
import { BASE_PROP_ANSWERS, baseProps, compact, VPC_PROP_ANSWERS, vpcProps } from "../common";
import { externalId } from "../privatelink-questions";
import { describeProject, describeProjectV3, describeProjectV4 } from "./describe";
import { interfaceServiceNames, serviceIpAddressTypesFrom, serviceZonesFrom, vpcToCheck } from "./lookup";
import {
  allowedAccounts,
  gatewayServices,
  onPremisesCidrs,
  organizationId,
  readOnlyServices,
  SERVICE_ENDPOINTS_PROP_ANSWERS,
  type ServiceEndpointsAnswers,
  services,
  trustedResources,
} from "./questions";

/**
 * service-endpoints: interface and gateway endpoints in one VPC. Each version
 * lists its questions in the order they are asked; v2 adds organization
 * scoping and read-only policy templates; v3 data-perimeter policies, zone
 * IDs, on-premises networks and a deploy role.
 */

const vpc = vpcQuestions({ existing: true, zoneIds: false });
const vpcV3 = vpcQuestions({ existing: true, zoneIds: true, zoneRules: STABLE_ZONE_RULES });

function stacksOf(version: 1 | 2 | 3 | 4) {
  return (answers: ServiceEndpointsAnswers, facts?: AwsFacts): StackSpec[] => [
    {
      id: answers.projectName,
      varName: "endpoints",
      className: "ServiceEndpointsStack",
      module: `blueprints/service-endpoints/v${version}`,
      props: compact({
        ...baseProps(answers),
        vpc: vpcProps(answers),
        interfaceServices: answers.services,
        gatewayServices: answers.gatewayServices,
        allowedAccounts: answers.allowedAccounts,
        ...(version >= 2 ? { organizationId: answers.organizationId, readOnlyServices: answers.readOnlyServices } : {}),
        ...(version >= 3
          ? {
              trustedResources: answers.trustedResources !== "no",
              onPremisesCidrs: answers.onPremisesCidrs,
              serviceZones: serviceZonesFrom(answers, facts),
              ...(version >= 4 ? { ...ipAddressTypeProp(answers), serviceIpAddressTypes: serviceIpAddressTypesFrom(answers, facts) } : {}),
              assumeRole: answers.providerRoleArn
                ? compact({ roleArn: answers.providerRoleArn, externalId: answers.externalId })
                : undefined,
            }
          : {}),
      }),
    },
  ];
}

const propAnswers = { ...BASE_PROP_ANSWERS, ...VPC_PROP_ANSWERS, ...SERVICE_ENDPOINTS_PROP_ANSWERS };

/** service-endpoints v1: one stack with the endpoints of one VPC. */
export const serviceEndpointsV1 = defineBlueprint<ServiceEndpointsAnswers>({
  manifest,
  dirs: ["blueprints/service-endpoints/v1"],
  load: () => require("../../../blueprints/service-endpoints/v1"),
  questions: [projectName, region, ...vpc, routeTableIds, services, gatewayServices, allowedAccounts, ...backendQuestions, tags],
  propAnswers,
  stacks: stacksOf(1),
  describe: describeProject,
});

/** service-endpoints v2: v1 plus read-only policy templates and organization scoping. */
export const serviceEndpointsV2 = defineBlueprint<ServiceEndpointsAnswers>({
  manifest: manifestV2,
  dirs: ["blueprints/service-endpoints/v2"],
  load: () => require("../../../blueprints/service-endpoints/v2"),
  questions: [
    projectName,
    region,
    ...vpc,
    routeTableIds,
    services,
    gatewayServices,
    allowedAccounts,
    organizationId,
    readOnlyServices,
    ...backendQuestions,
    tags,
  ],
  propAnswers,
  stacks: stacksOf(2),
  describe: describeProject,
});

/** service-endpoints v3: data-perimeter policies, zone IDs, on-premises networks and a deploy role. */
export const serviceEndpointsV3 = defineBlueprint<ServiceEndpointsAnswers>({
  manifest: manifestV3,
  dirs: ["blueprints/service-endpoints/v3"],
  load: () => require("../../../blueprints/service-endpoints/v3"),
  questions: [
    projectName,
    region,
    ...vpcV3,
    routeTableIds,
    services,
    gatewayServices,
    allowedAccounts,
    organizationId,
    readOnlyServices,
    trustedResources,
    onPremisesCidrs,
    providerRoleArn,
    externalId,
    ...backendQuestions,
    tags,
  ],
  propAnswers: { ...propAnswers, trustedResources: "trustedResources", onPremisesCidrs: "onPremisesCidrs" },
  stacks: stacksOf(3),
  lookupServices: interfaceServiceNames,
  describe: describeProjectV3,
});

/** service-endpoints v4: v3 with subnets sized for the endpoints, the SSM Agent under a read-only ssm, CodeArtifact and Elastic Beanstalk buckets. */
export const serviceEndpointsV4 = defineBlueprint<ServiceEndpointsAnswers>({
  manifest: manifestV4,
  dirs: ["blueprints/service-endpoints/v4"],
  load: () => require("../../../blueprints/service-endpoints/v4"),
  questions: withPipeline(withDualStack(serviceEndpointsV3.questions, "routeTableIds")),
  propAnswers: { ...serviceEndpointsV3.propAnswers, ...DUAL_STACK_PROP_ANSWERS },
  stacks: stacksOf(4),
  lookupServices: interfaceServiceNames,
  lookupVpcs: vpcToCheck,
  describe: describeProjectV4,
});
