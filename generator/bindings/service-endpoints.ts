import { resolveService } from "../../blueprints/lib/service-names";
import { manifest } from "../../blueprints/service-endpoints/v1/manifest";
import { manifest as manifestV2 } from "../../blueprints/service-endpoints/v2/manifest";
import type { Answers } from "../answers/types";
import { label, nodeId, type ProjectDescription } from "../describe";
import type { BlueprintEntry } from "../registry";
import type { StackSpec } from "../stack-spec";
import { baseProps, compact, vpcProps } from "./common";

function stacksOf(version: 1 | 2) {
  return (answers: Answers): StackSpec[] => [
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

function describeProject(answers: Answers): ProjectDescription {
  const zones = answers.vpc === "existing" ? answers.subnets.map((s) => s.split("@")[1]) : [...answers.availabilityZones];
  const ports = [...new Set(answers.services.map((s) => resolveService(s, answers.region).port))].sort((a, b) => a - b);
  const vpcLabel = `${answers.vpc === "existing" ? answers.vpcId : "New VPC"} ${answers.vpcCidr}`;
  const lines = [
    "flowchart LR",
    `  subgraph vpc[${label(`${vpcLabel} (${answers.region})`)}]`,
    `    workloads[${label(`Workloads in private subnets: ${zones.join(", ") || "route tables only"}`)}]`,
  ];
  if (answers.services.length > 0) lines.push(`    sg[${label(`Security group: TCP ${ports.join(", ")} from ${answers.vpcCidr}`)}]`);
  lines.push("  end");
  for (const service of answers.services)
    lines.push(`  workloads --> sg --> ${nodeId(`if_${service}`)}[${label(`Interface endpoint: ${service}`)}]`);
  for (const service of answers.gatewayServices)
    lines.push(`  workloads -- route table --> ${nodeId(`gw_${service}`)}[${label(`Gateway endpoint: ${service}`)}]`);
  const policy = answers.organizationId
    ? `principals of organization ${answers.organizationId}`
    : answers.allowedAccounts.length > 0
      ? `principals of ${answers.allowedAccounts.join(", ")}`
      : "principals of the deploying account";
  const readOnly = answers.readOnlyServices?.length
    ? ` The ${answers.readOnlyServices.join(", ")} endpoint(s) allow only read actions.`
    : "";
  return {
    summary: `Private access from ${answers.vpc === "existing" ? `VPC ${answers.vpcId}` : "a new private VPC"} to ${answers.services.length} AWS service(s) through interface endpoints and ${answers.gatewayServices.length} through gateway endpoints, without an internet or NAT gateway. Every endpoint policy admits only ${policy}.${readOnly}`,
    stacks: [
      {
        id: answers.projectName,
        what: `${answers.vpc === "new" ? "VPC, private subnets and route tables; " : ""}${answers.services.length} interface and ${answers.gatewayServices.length} gateway endpoint(s), their security group and policies`,
      },
    ],
    diagram: lines.join("\n"),
    deploy: [`npx cdktf deploy ${answers.projectName}`],
    notes: [
      "Private DNS is on for the services that support it, so the usual SDK endpoints resolve to the interface endpoints inside the VPC.",
      "Only one endpoint with private DNS per service can exist in a VPC: remove any existing one for the same service first.",
    ],
    cost: {
      interfaceEndpoints: answers.services.length,
      zones: Math.max(zones.length, 1),
      gatewayEndpoints: answers.gatewayServices.length,
      networkLoadBalancers: 0,
      region: answers.region,
    },
  };
}

/** service-endpoints v1: one stack with the endpoints of one VPC. */
export const serviceEndpointsV1: BlueprintEntry = {
  manifest,
  dirs: ["blueprints/service-endpoints/v1"],
  load: () => require("../../blueprints/service-endpoints/v1"),
  stacks: stacksOf(1),
  describe: describeProject,
};

/** service-endpoints v2: v1 plus read-only policy templates and organization scoping. */
export const serviceEndpointsV2: BlueprintEntry = {
  manifest: manifestV2,
  dirs: ["blueprints/service-endpoints/v2"],
  load: () => require("../../blueprints/service-endpoints/v2"),
  stacks: stacksOf(2),
  describe: describeProject,
};
