import { takesIpv6 } from "../../../blueprints/lib/facts/ipv6-endpoints";
import { resolveService } from "../../../blueprints/lib/service-names";
import { label, nodeId, type ProjectDescription } from "../../describe";
import { deployCommand } from "../common";
import type { ServiceEndpointsAnswers } from "./questions";

/** What the README and the closing summary say about a service-endpoints project. */
export function describeProject(answers: ServiceEndpointsAnswers): ProjectDescription {
  const zones = answers.vpc === "existing" ? (answers.subnets ?? []).map((s) => s.split("@")[1]) : [...answers.availabilityZones];
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
    deploy: [deployCommand(answers.projectName)],
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

/** v3: the policies admit more than your principals, and say so. */
export function describeProjectV3(answers: ServiceEndpointsAnswers): ProjectDescription {
  const base = describeProject(answers);
  return {
    ...base,
    summary: base.summary.replace(
      "Every endpoint policy admits only",
      "Every endpoint policy (endpoint services excepted: they take none) admits",
    ),
    notes: [
      ...base.notes,
      "Endpoint policies are data perimeters: besides your principals they admit reads of AWS-owned buckets (ECR layers, Amazon Linux repositories, SSM Agent), STS federation into your roles and calls to your private APIs.",
      ...(answers.trustedResources !== "no"
        ? ["S3 endpoints reach only buckets of your accounts or organization, and AWS-owned buckets."]
        : []),
      ...(answers.services.includes("dynamodb")
        ? ["DynamoDB's interface endpoint has no private DNS: use its endpoint-specific DNS name (the interface_endpoint_dns output)."]
        : []),
    ],
  };
}

/** v3's description, with what v4 adds: subnets sized for the endpoints, the SSM Agent under a read-only ssm, more AWS-owned buckets. */
export function describeProjectV4(answers: ServiceEndpointsAnswers): ProjectDescription {
  const base = describeProjectV3(answers);
  const agent =
    (answers.readOnlyServices ?? []).includes("ssm") && answers.services.some((s) => s === "ssmmessages" || s === "ec2messages");
  return {
    ...base,
    notes: [
      ...base.notes,
      ...(answers.vpc !== "existing"
        ? [
            `Each zone's subnet is sized for the ${answers.services.length} interface endpoint(s) it holds (AWS reserves 5 addresses in every subnet): a sixteenth of the VPC when that is enough, larger otherwise, and a VPC CIDR too small for them is refused before anything is written.`,
          ]
        : []),
      ...(agent
        ? [
            "The read-only ssm endpoint still allows the SSM Agent's own calls (UpdateInstanceInformation, ListAssociations, GetDocument, …): without them instances never register.",
          ]
        : []),
      ...dualStackNotes(answers),
    ],
  };
}

/** Which endpoints are dual-stack, and which stay IPv4 because AWS's table does not list their service with IPv6. */
function dualStackNotes(answers: ServiceEndpointsAnswers): string[] {
  if (answers.ipAddressType !== "dualstack") return [];
  const ipv4 = answers.services.filter((s) => !takesIpv6(s));
  return [
    `Dual-stack: ${answers.vpc === "existing" ? `the security group admits the VPC's IPv6 block ${answers.vpcIpv6Cidr} too (the subnets need IPv6 blocks)` : "the new VPC gets an Amazon-provided IPv6 block and each subnet a /64 of it"}; interface endpoints of services AWS lists with IPv6 get IPv6 addresses and AAAA records.`,
    ...(ipv4.length > 0
      ? [
          `Stay IPv4 by AWS's IPv6 table (with --lookup, as AWS answered for this account and region instead; AWS refuses a dual-stack endpoint to a service that takes only IPv4, at apply): ${ipv4.join(", ")}; gateway endpoints are IPv4 too.`,
        ]
      : []),
  ];
}
