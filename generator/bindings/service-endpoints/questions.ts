import { BlueprintInputError } from "../../../blueprints/lib/errors";
import { checkOrganizationId, checkReadOnlyServices } from "../../../blueprints/lib/rules";
import { resolveService, serviceName } from "../../../blueprints/lib/service-names";
import { gatewayServiceKeys } from "../../../blueprints/lib/services";
import { checkAccountIds, checkCidr, checkDistinct } from "../../../blueprints/lib/validate";
import { READ_ONLY_SERVICES } from "../../../blueprints/service-endpoints/v2/policy-templates";
import { toChoice, toList, toText } from "../../answers/parse";
import { type Known, q, regionOf } from "../../answers/question";
import type { CommonAnswers, VpcAnswers } from "../../answers/types";

/** The answers of a service-endpoints project. */
export interface ServiceEndpointsAnswers extends CommonAnswers, VpcAnswers {
  /** Interface endpoint services: catalog keys or full service names. */
  readonly services: readonly string[];
  /** Gateway endpoint services: s3, dynamodb. */
  readonly gatewayServices: readonly string[];
  /** Accounts whose principals endpoint policies admit; empty = the deploying account. */
  readonly allowedAccounts: readonly string[];
  /** AWS Organization whose principals endpoint policies admit, instead of accounts (v2+). */
  readonly organizationId?: string | null;
  /** Services whose endpoints allow only read actions (v2+). */
  readonly readOnlyServices?: readonly string[];
  /** Trusted-resources perimeter on the S3 endpoints (v3+). */
  readonly trustedResources?: "yes" | "no";
  /** On-premises networks admitted to the interface endpoints (v3+). */
  readonly onPremisesCidrs?: readonly string[];
  /** Role the AWS provider assumes (v3+). */
  readonly providerRoleArn?: string | null;
  /** External ID of that role (v3+). */
  readonly externalId?: string | null;
}

const chosenServices = (known: Known) => [...((known.services as string[]) ?? []), ...((known.gatewayServices as string[]) ?? [])];

export const services = q({
  key: "services",
  flag: "--services",
  valueName: "svc,svc",
  message: "Interface endpoints (PrivateLink)",
  prompt: "services",
  defaultValue: (): readonly string[] => ["ssm", "ssmmessages", "ec2messages"],
  check: (value, known) => {
    const refs = toList(value, "services");
    const names = refs.map((ref, i) => resolveService(ref, regionOf(known), `services[${i}]`).serviceName);
    checkDistinct(names, "services");
    return refs;
  },
});

export const gatewayServices = q({
  key: "gatewayServices",
  flag: "--gateway-services",
  valueName: "s3,dynamodb",
  message: "Gateway endpoints (free; S3 and DynamoDB only)",
  prompt: "checkbox",
  defaultValue: (): readonly string[] => ["s3"],
  check: (value, known) => {
    const keys = toList(value, "gatewayServices");
    for (const [i, key] of keys.entries()) serviceName(key, regionOf(known), `gatewayServices[${i}]`, "Gateway");
    checkDistinct(keys, "gatewayServices");
    if (keys.length === 0 && ((known.services as string[]) ?? []).length === 0) {
      throw new BlueprintInputError("gatewayServices", "and `services` are both empty; expected at least one interface or gateway service");
    }
    return keys;
  },
  choices: () => gatewayServiceKeys().map((key) => ({ value: key, name: key })),
});

export const allowedAccounts = q({
  key: "allowedAccounts",
  flag: "--allowed-accounts",
  valueName: "account,...",
  message: "Accounts whose principals may use the endpoints (empty: the deploying account)",
  prompt: "input",
  defaultValue: (): readonly string[] => [],
  check: (value) => checkAccountIds(toList(value, "allowedAccounts"), "allowedAccounts"),
});

export const organizationId = q({
  key: "organizationId",
  flag: "--organization-id",
  valueName: "o-…",
  message: "AWS Organization whose principals may use the endpoints, instead of listed accounts (empty: accounts)",
  prompt: "input",
  defaultValue: () => null as string | null,
  check: (value, known) => {
    const id = toText(value, "organizationId", true);
    if (id === null) return null;
    // The policies admit an organization *or* accounts: both given would silently drop the accounts.
    if (((known.allowedAccounts as string[]) ?? []).length > 0) {
      throw new BlueprintInputError(
        "organizationId",
        "is given with `allowedAccounts`; endpoint policies admit either an organization or listed accounts: give one of them",
      );
    }
    return checkOrganizationId(id, "organizationId");
  },
});

export const readOnlyServices = q({
  key: "readOnlyServices",
  flag: "--read-only-services",
  valueName: "svc,...",
  message: "Endpoints that allow only read actions (pull images, read objects, items, parameters, secrets)",
  prompt: "checkbox",
  defaultValue: (): readonly string[] => [],
  check: (value, known) =>
    checkReadOnlyServices(toList(value, "readOnlyServices"), "readOnlyServices", READ_ONLY_SERVICES, chosenServices(known)),
  choices: (known) => READ_ONLY_SERVICES.filter((key) => chosenServices(known).includes(key)).map((key) => ({ value: key, name: key })),
});

export const trustedResources = q({
  key: "trustedResources",
  flag: "--trusted-resources",
  valueName: "yes|no",
  message: "S3 endpoints reach only buckets of your accounts or organization (AWS-owned buckets still pass)",
  prompt: "select",
  defaultValue: () => "yes" as "yes" | "no",
  check: (value) => (typeof value === "boolean" ? (value ? "yes" : "no") : toChoice(value, "trustedResources", ["yes", "no"] as const)),
  choices: () => [
    { value: "yes", name: "Yes: data cannot be copied to someone else's bucket through the endpoint" },
    { value: "no", name: "No: your principals may reach any bucket" },
  ],
});

export const onPremisesCidrs = q({
  key: "onPremisesCidrs",
  flag: "--on-premises-cidrs",
  valueName: "cidr,...",
  message: "On-premises networks (VPN, Direct Connect) admitted to the interface endpoints besides the VPC (empty: none)",
  prompt: "input",
  defaultValue: (): readonly string[] => [],
  check: (value) => {
    const cidrs = toList(value, "onPremisesCidrs").map((cidr, i) => checkCidr(cidr, `onPremisesCidrs[${i}]`, 8, 32));
    checkDistinct(cidrs, "onPremisesCidrs");
    return cidrs;
  },
});

/** The props of a service-endpoints stack, by the answer that sets them. */
export const SERVICE_ENDPOINTS_PROP_ANSWERS: Readonly<Record<string, string>> = {
  interfaceServices: "services",
  gatewayServices: "gatewayServices",
  allowedAccounts: "allowedAccounts",
  organizationId: "organizationId",
  readOnlyServices: "readOnlyServices",
  trustedResources: "trustedResources",
  onPremisesCidrs: "onPremisesCidrs",
};
