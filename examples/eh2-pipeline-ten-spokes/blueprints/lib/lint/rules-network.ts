import { isWorld } from "./cidr.ts";
import { type LintDocument, type Rule, resources } from "./model.ts";
import { sgRules, worldOpenings } from "./sg.ts";

const worldIngressOn = (portNumber: number) => (doc: LintDocument) => worldOpenings(doc, portNumber);

/** Rules on security groups and their rules. */
export const SECURITY_GROUP_RULES: readonly Rule[] = [
  {
    id: "CKV_AWS_24",
    title: "No SSH (22) from the world",
    why: "Open SSH invites brute force.",
    fix: "Admit the port from the VPC CIDR or a known range only.",
    check: worldIngressOn(22),
  },
  {
    id: "CKV_AWS_25",
    title: "No RDP (3389) from the world",
    why: "Open RDP invites brute force.",
    fix: "Admit the port from the VPC CIDR or a known range only.",
    check: worldIngressOn(3389),
  },
  {
    id: "CKV_AWS_260",
    title: "No HTTP (80) from the world",
    why: "A private service has no reason to take traffic from the internet.",
    fix: "Admit the port from the VPC CIDR or a known range only.",
    check: worldIngressOn(80),
  },
  {
    id: "PL_SG_WORLD_INGRESS",
    title: "No ingress from 0.0.0.0/0 or ::/0 at all",
    why: "PrivateLink exists to keep traffic private; an endpoint or NLB security group open to the world defeats it, whether by one world CIDR (any spelling: ::0/0, 0::/0) or by ranges that add up to it (0.0.0.0/1 + 128.0.0.0/1).",
    fix: "Admit the service port from the VPC CIDR only.",
    check: (doc) => worldOpenings(doc),
  },
  {
    id: "CKV_AWS_23",
    title: "Security groups and their rules have descriptions",
    why: "Reviewers and auditors need to know what a group and each rule are for.",
    fix: "Set description on the group and on every rule.",
    check: (doc) => [
      ...resources(doc, "aws_security_group")
        .filter(
          (g) =>
            typeof g.body.description !== "string" || g.body.description.trim() === "" || g.body.description === "Managed by Terraform",
        )
        .map((g) => ({ resource: g.address, message: "the group has no description of its own" })),
      ...[...sgRules(doc, "ingress"), ...sgRules(doc, "egress")]
        .filter((r) => typeof r.description !== "string" || r.description.trim() === "")
        .map((r) => ({ resource: r.address, message: "the rule has no description" })),
    ],
  },
  {
    id: "CKV_AWS_382",
    title: "Egress is restricted",
    why: "All-traffic egress to the world lets anything behind the group exfiltrate data.",
    fix: "Allow only the ports and destinations needed (an endpoint needs no egress at all).",
    check: (doc) =>
      sgRules(doc, "egress")
        .filter((r) => r.protocol === "-1" && r.cidrs.some(isWorld))
        .map((r) => ({ resource: r.address, message: "allows all traffic to the world" })),
  },
  {
    id: "CKV2_AWS_5",
    title: "Security groups are attached to something",
    why: "An unattached group is dead weight or a sign of a broken reference.",
    fix: "Reference the group from an endpoint, load balancer or instance, or remove it.",
    check: (doc) => {
      const ruleTypes = [
        "aws_security_group",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
      ];
      const users = JSON.stringify(Object.entries(doc.json.resource ?? {}).filter(([type]) => !ruleTypes.includes(type)));
      return resources(doc, "aws_security_group")
        .filter((g) => !users.includes(`\${aws_security_group.${g.name}.id}`))
        .map((g) => ({ resource: g.address, message: "no resource uses this group" }));
    },
  },
];
