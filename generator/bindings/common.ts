import type { StackBaseProps } from "../../blueprints/lib/stack";
import { type Answers, backendOf } from "../answers/types";

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
export function baseProps(answers: Answers): StackBaseProps {
  return { region: answers.region, backend: backendOf(answers), tags: answers.tags };
}

/** The VPC props of the answers: new, or existing by IDs. */
export function vpcProps(answers: Answers): Record<string, unknown> {
  if (answers.vpc === "existing") {
    return compact({
      kind: "existing",
      vpcId: answers.vpcId,
      cidr: answers.vpcCidr,
      subnets: answers.subnets.map((entry) => {
        const [id, availabilityZone] = entry.split("@");
        return { id, availabilityZone };
      }),
      routeTableIds: answers.routeTableIds,
    });
  }
  return { kind: "new", cidr: answers.vpcCidr, availabilityZones: answers.availabilityZones };
}
