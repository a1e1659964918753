import { hasPrivateDnsZone, privateDnsZone } from "../../../blueprints/lib/facts/private-dns";
import { label, nodeId, type ProjectDescription } from "../../describe";
import { deployCommand } from "../common";
import { hubComparisonLines } from "./cost";
import type { EndpointHubAnswers } from "./questions";

/** The Mermaid topology: hub VPC with endpoints and zones, the transit gateway, the spokes. */
function diagram(answers: EndpointHubAnswers): string {
  const zones = answers.services.filter(hasPrivateDnsZone).map((s) => privateDnsZone(s, answers.region));
  const lines = [
    "flowchart LR",
    `  subgraph hubAccount[${label(`Hub account${answers.hubAccount ? ` ${answers.hubAccount}` : ""} (${answers.region})`)}]`,
    `    subgraph hubVpc[${label(`Hub VPC ${answers.vpcCidr}: ${answers.availabilityZones.join(", ")}`)}]`,
    `      endpoints[${label(`Interface endpoints, private DNS off: ${answers.services.join(", ")}`)}]`,
    ...(answers.resolverInbound.length > 0
      ? [`      resolver[${label(`Resolver inbound endpoint: DNS from ${answers.resolverInbound.join(", ")}`)}]`]
      : []),
    "    end",
    `    zones[${label(`Private hosted zones: ${zones.map((z) => (z.wildcard ? `${z.zoneName} (+ *.)` : z.zoneName)).join(", ") || "none"}`)}] -- alias A --> endpoints`,
    "  end",
    `  tgw{{${label(answers.transitGateway === "new" ? "New transit gateway" : `Transit gateway ${answers.transitGateway}`)}}}`,
    "  tgw <--> hubVpc",
  ];
  if (answers.resolverInbound.length > 0) lines.push(`  onprem[${label("On-premises resolvers")}] -- forward --> resolver`);
  for (const spoke of answers.spokes) {
    const id = nodeId(`s_${spoke.vpcId}`);
    const same = spoke.account === answers.hubAccount;
    const gateways = spoke.gatewayServices?.length ? `, gateway: ${spoke.gatewayServices.join(", ")}` : "";
    lines.push(`  ${id}[${label(`Spoke ${spoke.vpcId} ${spoke.cidr} in ${spoke.account}${gateways}`)}] -- attachment --> tgw`);
    lines.push(`  zones -. ${same ? "associated" : "authorized, then associated"} .-> ${id}`);
  }
  return lines.join("\n");
}

/** What the README and the closing summary say about an endpoint-hub project. */
export function describeHub(answers: EndpointHubAnswers): ProjectDescription {
  const cross = answers.spokes.filter((s) => s.account !== answers.hubAccount);
  const comparison = hubComparisonLines({
    services: answers.services.length,
    zones: answers.availabilityZones.length,
    spokes: answers.spokes.length,
    region: answers.region,
  });
  return {
    summary: `${answers.services.length} interface endpoint(s) in one central VPC, reached from ${answers.spokes.length} spoke VPC(s) (${cross.length} in other accounts) over ${answers.transitGateway === "new" ? "a new" : "an existing"} transit gateway. Private DNS is off on the endpoints; a private hosted zone per service, associated with every spoke, resolves the usual service names to them. Endpoint policies admit only principals of the hub's and spokes' accounts.`,
    stacks: [
      {
        id: "hub",
        what: `Hub VPC, endpoints, security group, hosted zones, ${answers.transitGateway === "new" ? "transit gateway, " : ""}hub attachment and routes${answers.resolverInbound.length > 0 ? ", Resolver inbound endpoint" : ""}${answers.providerRoleArn ? ` (as ${answers.providerRoleArn})` : ""}`,
      },
      ...answers.spokes.map((s) => ({
        id: `spoke-${s.vpcId}`,
        what: `${s.attachmentId ? `Existing attachment ${s.attachmentId}` : "Attachment"} of ${s.vpcId}, routes to ${answers.vpcCidr}${s.gatewayServices?.length ? `, gateway endpoints (${s.gatewayServices.join(", ")})` : ""}${s.account !== answers.hubAccount ? ", hosted zone associations" : ""}, as role ${answers.spokeRoleName ?? "PrivateLinkDeployer"} in ${s.account}`,
      })),
    ],
    diagram: diagram(answers),
    deploy: answers.spokes.length > 0 ? [deployCommand("hub"), deployCommand("'spoke-*'")] : [deployCommand("hub")],
    notes: [
      "Deploy the hub first: the spokes read its transit gateway, association authorizations and RAM share from its state (cross-stack references).",
      "A spoke with its own S3 or DynamoDB gateway endpoint keeps using it (free, no transit): the hub's zone for that service is not associated with it.",
      "Remove any interface endpoint with private DNS for the same services from the spokes first: its zone would shadow the hub's.",
      ...(cross.length > 0 && answers.transitGateway === "new"
        ? [
            `The new transit gateway accepts shared attachments automatically: only the ${new Set(cross.map((s) => s.account)).size} account(s) it is shared with through AWS RAM can attach. Spokes route only the hub's range to it, so they do not reach each other.`,
          ]
        : []),
      ...(answers.transitGateway !== "new"
        ? [
            `${answers.transitGateway} is used as it is: share it with the spoke accounts, accept their attachments and route between them outside this project.`,
          ]
        : []),
      ...(answers.services.includes("s3") && answers.region === "us-east-1"
        ? [
            "In us-east-1, some clients call S3 as s3.amazonaws.com, which the s3.us-east-1.amazonaws.com zone does not answer: configure them with the regional endpoint.",
          ]
        : []),
      ...comparison.map((line, i) => (i === 0 ? `Cost side by side. ${line}` : line)),
    ],
    cost: {
      interfaceEndpoints: answers.services.length,
      zones: answers.availabilityZones.length,
      gatewayEndpoints: answers.spokes.reduce((n, s) => n + (s.gatewayServices?.length ?? 0), 0),
      networkLoadBalancers: 0,
      transitGatewayAttachments: 1 + answers.spokes.filter((s) => s.attachmentId === undefined).length,
      region: answers.region,
    },
    comparison,
  };
}
