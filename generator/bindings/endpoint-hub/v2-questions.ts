import { BlueprintInputError } from "../../../blueprints/lib/errors";
import type { HubSpoke } from "../../../blueprints/lib/spokes";
import { checkAccountId, checkResourceId } from "../../../blueprints/lib/validate";
import { toList } from "../../answers/parse";
import { type Known, q } from "../../answers/question";
import type { EndpointHubAnswers } from "./questions";

/** The answers of an endpoint-hub v2 project: v1's, and the gateway's route tables and the accounts outside the organization. */
export interface EndpointHubV2Answers extends EndpointHubAnswers {
  /** `dualstack`: IPv6 too, on the hub, the attachments and the spokes' routes. @default ipv4 */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** An existing gateway's route tables, `[spokes, hub]`; empty: its own defaults (and a new gateway makes its own). */
  readonly transitRouteTables: readonly string[];
  /** Cross-account spoke accounts outside the organization: only they accept the RAM share. */
  readonly externalAccounts: readonly string[];
}

const crossAccounts = (known: Known) => {
  const hub = (known.hubAccount as string | null | undefined) ?? null;
  return [...new Set(((known.spokes as HubSpoke[] | undefined) ?? []).map((s) => s.account).filter((a) => a !== hub))];
};

export const transitRouteTables = q({
  key: "transitRouteTables",
  flag: "--transit-route-tables",
  valueName: "tgw-rtb-spokes,tgw-rtb-hub",
  message:
    "The existing transit gateway's route tables, spokes' then hub's (tgw-rtb-…,tgw-rtb-…): spokes reach the hub and never each other (empty: the gateway's own defaults)",
  prompt: "input",
  when: (known) => known.transitGateway !== undefined && known.transitGateway !== "new",
  defaultValue: () => [] as string[],
  check: (value) => {
    const ids = toList(value, "transitRouteTables");
    if (ids.length === 0) return ids;
    if (ids.length !== 2)
      throw new BlueprintInputError("transitRouteTables", `expected two route table IDs, the spokes' then the hub's, got ${ids.length}`);
    ids.forEach((id, i) => {
      checkResourceId(id, `transitRouteTables[${i}]`, "tgw-rtb");
    });
    if (ids[0] === ids[1])
      throw new BlueprintInputError("transitRouteTables", "names one table twice; spokes would reach each other: give two");
    return ids;
  },
});

export const externalAccounts = q({
  key: "externalAccounts",
  flag: "--external-accounts",
  valueName: "account,account",
  message:
    "Spoke accounts outside the organization: only they get an invitation to accept (inside it, RAM shares without one; empty: every other account)",
  prompt: "input",
  when: (known) => known.transitGateway === "new" && known.spokeSharing === "external" && crossAccounts(known).length > 0,
  defaultValue: () => [] as string[],
  check: (value, known) => {
    const accounts = toList(value, "externalAccounts").map((a, i) => checkAccountId(a, `externalAccounts[${i}]`));
    const cross = crossAccounts(known);
    accounts.forEach((a, i) => {
      if (!cross.includes(a))
        throw new BlueprintInputError(`externalAccounts[${i}]`, `${a} is not a spoke account other than the hub's (${cross.join(", ")})`);
    });
    return accounts;
  },
});
