import { BlueprintInputError } from "../../../blueprints/lib/errors";
import { checkZoneIds, defaultZoneIds } from "../../../blueprints/lib/facts/zones";
import { checkOnPremisesCidrs, checkSpokes, checkTransitGatewayId, type HubSpoke } from "../../../blueprints/lib/spokes";
import { checkAccountId, checkRoleName, describe } from "../../../blueprints/lib/validate";
import { isDualStack } from "../../answers/dual-stack-questions";
import { toChoice, toList, toText } from "../../answers/parse";
import { type Known, q, regionOf } from "../../answers/question";
import type { CommonAnswers } from "../../answers/types";
import { zoneExample } from "../../answers/zone-defaults";

/** The answers of an endpoint-hub project. */
export interface EndpointHubAnswers extends CommonAnswers {
  /** Interface endpoint services in the hub. */
  readonly services: readonly string[];
  /** CIDR of the new hub VPC. */
  readonly vpcCidr: string;
  /** Zone IDs of the hub VPC. */
  readonly availabilityZones: readonly string[];
  readonly providerRoleArn: string | null;
  /** On-premises ranges of a Route 53 Resolver inbound endpoint; empty: none. */
  readonly resolverInbound: readonly string[];
  readonly spokes: readonly HubSpoke[];
  /** The hub's account; required with spokes. */
  readonly hubAccount: string | null;
  /** `new` or an existing `tgw-…` ID. */
  readonly transitGateway: string;
  /** Whether the spoke accounts accept the gateway's RAM share inside the organization or as external principals. */
  readonly spokeSharing?: "organization" | "external";
  readonly spokeRoleName?: string;
  readonly externalId: string | null;
}

const spokesOf = (known: Known) => (known.spokes as HubSpoke[] | undefined) ?? [];
const hubAccountOf = (known: Known) => (known.hubAccount as string | null | undefined) ?? null;

/** Zone IDs of the hub VPC: the same zones in every account (the spokes' attachments line up by zone ID). */
export const hubZones = q({
  key: "availabilityZones",
  flag: "--availability-zones",
  valueName: "zone,zone",
  message: "Availability zone IDs of the hub VPC (2 or more: the same zones in every account)",
  hint: (known) => `in ${regionOf(known)}, e.g. ${zoneExample(regionOf(known))}`,
  prompt: "input",
  defaultValue: (known): readonly string[] => defaultZoneIds(regionOf(known), 2),
  check: (value, known) => checkZoneIds(toList(value, "availabilityZones"), regionOf(known), "availabilityZones"),
});

export const resolverInbound = q({
  key: "resolverInbound",
  flag: "--resolver-inbound",
  valueName: "cidr,...",
  message: "On-premises CIDRs a Route 53 Resolver inbound endpoint in the hub answers (empty: no Resolver endpoint)",
  prompt: "input",
  defaultValue: (): readonly string[] => [],
  check: (value, known) =>
    checkOnPremisesCidrs(toList(value, "resolverInbound"), "resolverInbound", String(known.vpcCidr ?? "10.0.0.0/16")),
});

/** Spokes come from an answers file, or from `--spokes` as the same JSON list: a compact text form would be easy to get wrong. */
function toSpokeList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return [];
    if (text.startsWith("[")) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // reported below
      }
    }
  }
  throw new BlueprintInputError(
    "spokes",
    `expected a JSON list of {account, vpcId, cidr, subnets, routeTables, gatewayServices?, attachmentId?} (in an answers file given with --answers, or as JSON text after --spokes), got ${describe(value)}`,
  );
}

export const spokes = q({
  key: "spokes",
  flag: "--spokes",
  valueName: "json",
  message:
    'Spoke VPCs as JSON: [{"account":"111122223333","vpcId":"vpc-…","cidr":"10.1.0.0/16","subnets":["subnet-…"],"routeTables":["rtb-…"],"gatewayServices":["s3"],"attachmentId":"tgw-attach-… (existing gateway only, optional)"}] (empty: none yet)',
  prompt: "input",
  defaultValue: (): readonly HubSpoke[] => [],
  check: (value, known) => {
    const list = checkSpokes(
      toSpokeList(value),
      "spokes",
      regionOf(known),
      String(known.vpcCidr ?? "10.0.0.0/16"),
      (known.resolverInbound as string[]) ?? [],
    );
    // a spoke's IPv6 block goes with a dual-stack hub (endpoint-hub@2's --ip-address-type), and only with one
    list.forEach((spoke, i) => {
      if (spoke.ipv6Cidr !== undefined && !isDualStack(known))
        throw new BlueprintInputError(
          `spokes[${i}].ipv6Cidr`,
          "is given, but the hub is not dual-stack; pass --ip-address-type dualstack, or drop it",
        );
      if (spoke.ipv6Cidr === undefined && isDualStack(known))
        throw new BlueprintInputError(
          `spokes[${i}].ipv6Cidr`,
          'is missing; a dual-stack hub routes each spoke\'s IPv6 block and admits it to the endpoints: give the VPC\'s block (its subnets need IPv6 blocks too), e.g. "ipv6Cidr": "2600:1f18:4f2:c100::/56"',
        );
    });
    return list;
  },
});

export const hubAccount = q({
  key: "hubAccount",
  flag: "--hub-account",
  valueName: "account",
  message: "Account ID of the hub (tells same-account spokes from cross-account ones)",
  prompt: "input",
  defaultValue: (known) => ((known.providerRoleArn as string | null | undefined)?.split(":")[4] ?? null) as string | null,
  check: (value, known) => {
    const id = toText(value, "hubAccount", true);
    if (id === null && spokesOf(known).length > 0) {
      throw new BlueprintInputError(
        "hubAccount",
        "is missing; expected the hub's 12-digit account ID (or --provider-role, whose account it is)",
      );
    }
    return id === null ? null : checkAccountId(id, "hubAccount");
  },
});

export const transitGateway = q({
  key: "transitGateway",
  flag: "--transit-gateway",
  valueName: "new|tgw-id",
  message: "Transit gateway: new, or the ID of an existing one (tgw-…)",
  prompt: "input",
  defaultValue: () => "new",
  check: (value) => {
    const text = toText(value, "transitGateway", false)!;
    return text === "new" ? text : checkTransitGatewayId(text, "transitGateway");
  },
});

const crossAccountSpokes = (known: Known) => spokesOf(known).filter((s) => s.account !== hubAccountOf(known));

export const spokeSharing = q({
  key: "spokeSharing",
  flag: "--spoke-sharing",
  valueName: "organization|external",
  message: "How the spoke accounts receive the new transit gateway (AWS RAM)",
  prompt: "select",
  when: (known) => known.transitGateway === "new" && crossAccountSpokes(known).length > 0,
  defaultValue: () => "organization" as "organization" | "external",
  check: (value) => toChoice(value, "spokeSharing", ["organization", "external"] as const),
  choices: () => [
    { value: "organization", name: "Inside our AWS Organization (RAM sharing with the organization on: accepted automatically)" },
    { value: "external", name: "External accounts (the share allows external principals; each spoke stack accepts it)" },
  ],
});

export const spokeRoleName = q({
  key: "spokeRoleName",
  flag: "--spoke-role-name",
  valueName: "role-name",
  message: "Role name to assume in each spoke account",
  prompt: "input",
  when: (known) => spokesOf(known).length > 0,
  defaultValue: () => "PrivateLinkDeployer",
  check: (value) => checkRoleName(toText(value, "spokeRoleName", false), "spokeRoleName"),
});

/** The props of the hub and spoke stacks, by the answer that sets them. */
export const ENDPOINT_HUB_PROP_ANSWERS: Readonly<Record<string, string>> = {
  interfaceServices: "services",
  cidr: "vpcCidr",
  hubCidr: "vpcCidr",
  availabilityZones: "availabilityZones",
  onPremisesCidrs: "resolverInbound",
  spokes: "spokes",
  spoke: "spokes",
  hubAccount: "hubAccount",
  transitGateway: "transitGateway",
  externalPrincipals: "spokeSharing",
  roleName: "spokeRoleName",
  externalId: "externalId",
};
