import { BlueprintInputError } from "../../blueprints/lib/errors";
import { regionInfo } from "../../blueprints/lib/partitions";
import { checkExternalId, checkPort, checkPrivateDnsName } from "../../blueprints/lib/rules";
import { checkAccountIds, checkRoleName } from "../../blueprints/lib/validate";
import { toList, toNumber, toText } from "../answers/parse";
import { type Known, type Question, q, regionOf } from "../answers/question";

/**
 * Questions of cross-account PrivateLink that the provider blueprint
 * (endpoint-service) and the consumer-only blueprint (endpoint-consumer) share.
 */

/** Consumer accounts: the accounts a service authorizes, or that get an endpoint. */
export function consumerAccounts(options: { readonly atLeastOne: boolean }): Question<readonly string[]> {
  return q({
    key: "consumerAccounts",
    flag: "--consumer-accounts",
    valueName: "account,...",
    message: "Consumer account IDs the endpoint service authorizes",
    prompt: "input",
    defaultValue: (): readonly string[] => [],
    check: (value) => {
      const ids = checkAccountIds(toList(value, "consumerAccounts"), "consumerAccounts");
      if (options.atLeastOne && ids.length === 0) {
        throw new BlueprintInputError("consumerAccounts", "is empty; expected at least one consumer account to create an endpoint in");
      }
      return ids;
    },
  });
}

/** The role assumed in each consumer account; asked only when there are consumer stacks. */
export function consumerRoleName(hasConsumerStacks: (known: Known) => boolean): Question<string> {
  return q({
    key: "consumerRoleName",
    flag: "--consumer-role-name",
    valueName: "role-name",
    message: "Role name to assume in each consumer account",
    prompt: "input",
    when: (known) => hasConsumerStacks(known) && ((known.consumerAccounts as string[]) ?? []).length > 0,
    defaultValue: () => "PrivateLinkDeployer",
    check: (value) => checkRoleName(toText(value, "consumerRoleName", false), "consumerRoleName"),
  });
}

/** Whether the project assumes a role anywhere: the provider's, in the consumer accounts, or in the spokes' accounts. */
function assumesRoles(known: Known): boolean {
  const count = (key: string) => ((known[key] as unknown[] | undefined) ?? []).length;
  return (
    Boolean(known.providerRoleArn) ||
    ((count("consumerAccounts") > 0 || count("consumers") > 0) && known.layout !== "provider-only") ||
    count("spokes") > 0
  );
}

/** The external ID of the roles the project assumes; not asked when it assumes none. */
export const externalId = q({
  key: "externalId",
  flag: "--external-id",
  valueName: "id",
  message: "External ID the deploy roles require (empty: none)",
  prompt: "input",
  when: assumesRoles,
  defaultValue: () => null as string | null,
  check: (value) => {
    const id = toText(value, "externalId", true);
    return id === null ? null : checkExternalId(id, "externalId");
  },
});

export const listenerPort = q({
  key: "listenerPort",
  flag: "--listener-port",
  valueName: "port",
  message: "Port consumers connect to",
  prompt: "input",
  defaultValue: () => 443,
  check: (value) => checkPort(toNumber(value), "listenerPort"),
});

export const privateDnsName = q({
  key: "privateDnsName",
  flag: "--private-dns-name",
  valueName: "host.example.com",
  message: "Private DNS name of the endpoint service, verified by the provider (empty: none)",
  prompt: "input",
  defaultValue: () => null as string | null,
  check: (value, known) => {
    const name = toText(value, "privateDnsName", true);
    return name === null ? null : checkPrivateDnsName(name, "privateDnsName", regionInfo(regionOf(known)).partition);
  },
});
