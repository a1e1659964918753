import { BlueprintInputError } from "../../blueprints/lib/errors";
import type { StackBaseProps } from "../../blueprints/lib/stack";
import { clip } from "../../blueprints/lib/validate";
import { backendOf, type CommonAnswers, type VpcAnswers } from "../answers/types";

/**
 * A deploy step as a project's README and the closing summary give it: the
 * project's own CLI script (scripts/cdktf.mjs: cdktn-cli, or cdktf-cli on Node 20),
 * which works on every supported Node without a compiler; `npx cdktf` does not on Node 24.
 */
export function deployCommand(stacks: string): string {
  return `npm run cdktf -- deploy ${stacks}`;
}

/** Drops keys whose value is undefined, null, an empty list or an empty object, so main.ts shows what matters. */
export function compact(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).filter(([, v]) => {
      if (v === undefined || v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (typeof v === "object") return Object.keys(v as object).length > 0;
      return true;
    }),
  );
}

/** Region, backend and tags of a stack, from the answers. */
export function baseProps(answers: CommonAnswers): StackBaseProps {
  return { region: answers.region, backend: backendOf(answers), tags: answers.tags };
}

/** The VPC props of the answers: new, or existing by IDs. */
export function vpcProps(answers: VpcAnswers): Record<string, unknown> {
  if (answers.vpc === "existing") {
    return compact({
      kind: "existing",
      vpcId: answers.vpcId,
      cidr: answers.vpcCidr,
      subnets: (answers.subnets ?? []).map((entry) => {
        const [id, availabilityZone] = entry.split("@");
        return { id, availabilityZone };
      }),
      routeTableIds: answers.routeTableIds,
      ipv6Cidr: answers.vpcIpv6Cidr,
    });
  }
  return {
    kind: "new",
    cidr: answers.vpcCidr,
    availabilityZones: answers.availabilityZones,
    ...(answers.ipAddressType === "dualstack" ? { dualStack: true } : {}),
  };
}

/** Props every stack has (`StackBaseProps`), by the answer that sets them. */
export const BASE_PROP_ANSWERS: Readonly<Record<string, string>> = {
  region: "region",
  tags: "tags",
  "backend.bucket": "backendBucket",
  "backend.key": "backendKey",
  "backend.region": "backendRegion",
  "assumeRole.roleArn": "providerRoleArn",
  "assumeRole.externalId": "externalId",
};

/** The props of the shared VPC construct (`blueprints/lib/network.ts`), by the answer that sets them. */
export const VPC_PROP_ANSWERS: Readonly<Record<string, string>> = {
  "vpc.cidr": "vpcCidr",
  "vpc.availabilityZones": "availabilityZones",
  "vpc.vpcId": "vpcId",
  "vpc.subnets": "subnets",
  "vpc.routeTableIds": "routeTableIds",
};

/** A state key shared by several stacks must tell them apart: it needs `{stack}`. */
export function checkStateKeys(answers: CommonAnswers, stackCount: number): void {
  if (answers.backend === "s3" && stackCount > 1 && !(answers.backendKey ?? "").includes("{stack}")) {
    throw new BlueprintInputError(
      "backendKey",
      `"${clip(answers.backendKey ?? "")}" would hold the state of all ${stackCount} stacks; expected a key with {stack} in it, e.g. ${answers.projectName}/{stack}.tfstate`,
    );
  }
}
