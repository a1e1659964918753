import { manifest } from "../../../blueprints/service-endpoints/v1/manifest";
import { manifest as manifestV2 } from "../../../blueprints/service-endpoints/v2/manifest";
import { backendQuestions, projectName, region, routeTableIds, tags, vpcQuestions } from "../../answers/common-questions";
import type { StackSpec } from "../../stack-spec";
import { defineBlueprint } from "../blueprint";
import { BASE_PROP_ANSWERS, baseProps, compact, VPC_PROP_ANSWERS, vpcProps } from "../common";
import { describeProject } from "./describe";
import {
  allowedAccounts,
  gatewayServices,
  organizationId,
  readOnlyServices,
  SERVICE_ENDPOINTS_PROP_ANSWERS,
  type ServiceEndpointsAnswers,
  services,
} from "./questions";

/**
 * service-endpoints: interface and gateway endpoints in one VPC. Each version
 * lists its questions in the order they are asked; v2 adds organization
 * scoping and read-only policy templates.
 */

const vpc = vpcQuestions({ existing: true, zoneIds: false });

function stacksOf(version: 1 | 2) {
  return (answers: ServiceEndpointsAnswers): StackSpec[] => [
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
