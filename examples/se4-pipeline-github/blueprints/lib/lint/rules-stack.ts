import { ZONE_IDS, zoneNamesAreStable } from "../facts/zones.ts";
import { asList, type LintDocument, type Rule, resources } from "./model.ts";
import { isObject } from "./nodes.ts";
import { isTerraformExpression } from "./policy.ts";

/** The S3 backend's `use_lockfile` (S3 native locking) came in Terraform 1.10. */
const LOCKFILE_SINCE: readonly number[] = [1, 10, 0];

const versionOf = (text: string) => text.split(".").map((n) => Number.parseInt(n, 10) || 0);
const atLeast = (v: readonly number[], min: readonly number[]) => {
  for (let i = 0; i < min.length; i++) if ((v[i] ?? 0) !== min[i]) return (v[i] ?? 0) > min[i];
  return true;
};

/**
 * True when a Terraform version constraint (`>= 1.10`, `~> 1.10.0, < 2`) only
 * admits versions at or above `min`: one of its parts sets a lower bound there.
 */
export function requiresAtLeast(constraint: unknown, min: readonly number[]): boolean {
  if (typeof constraint !== "string") return false;
  return constraint.split(",").some((part) => {
    const match = /^\s*(>=|>|=|~>)?\s*v?(\d+(?:\.\d+)*)\s*$/.exec(part);
    return match !== null && atLeast(versionOf(match[2]), min);
  });
}

/** The region of the provider a resource uses: its `provider` alias, else the default aws provider. */
export function regionOf(doc: LintDocument, providerRef: unknown): string | undefined {
  const alias = typeof providerRef === "string" ? /^aws\.(.+)$/.exec(providerRef)?.[1] : undefined;
  const blocks = asList((doc.json.provider as Record<string, unknown> | undefined)?.aws).filter(isObject);
  const block = blocks.find((b) => (alias === undefined ? b.alias === undefined : b.alias === alias));
  return typeof block?.region === "string" && !isTerraformExpression(block.region) ? block.region : undefined;
}

/** Rules on the stack as a whole: its backend, and where its subnets go. */
export const STACK_RULES: readonly Rule[] = [
  {
    id: "PL_ZONE_NAMES",
    title: "Subnets name zones by ID where names are mapped per account",
    why: "In regions where AWS maps zone names to zones per account (us-east-1, eu-west-1, …), us-east-1a is a different zone in each account: endpoints and the services they reach can land in zones that do not line up, and a name may not exist for a newer account. Zone IDs (use1-az1) mean the same zone everywhere.",
    fix: "Set availability_zone_id (e.g. use1-az1) instead of availability_zone on the subnet (service-endpoints@3 does; `create-privatelink upgrade`).",
    check: (doc) =>
      resources(doc, "aws_subnet").flatMap((r) => {
        const zone = r.body.availability_zone;
        if (typeof zone !== "string" || isTerraformExpression(zone)) return [];
        const region = regionOf(doc, r.body.provider);
        if (region === undefined || zoneNamesAreStable(region) || !zone.startsWith(region)) return [];
        const why = Object.hasOwn(ZONE_IDS, region)
          ? `which ${region} maps to a different zone in each account`
          : `in ${region}, whose zone mapping the lint does not know`;
        return [{ resource: r.address, message: `is placed by zone name ${zone}, ${why}` }];
      }),
  },
];

/**
 * Held back until every blueprint had a version that states `required_version`
 * (endpoint-service@3, endpoint-hub@2); now in RULES, and the projects of the
 * versions before carry the suppression of their advisory (PL-2026-010, -019).
 */
export const PENDING_RULES: readonly Rule[] = [
  {
    id: "PL_LOCKFILE_TERRAFORM_VERSION",
    title: "S3 native locking requires Terraform 1.10 or later",
    why: "The S3 backend's use_lockfile came in Terraform 1.10; an older Terraform stops at init with an unsupported-argument error, or a team member's older Terraform runs without the lock everyone else takes. A required_version says so up front.",
    fix: 'Set terraform.required_version to ">= 1.10" (service-endpoints@3, endpoint-service@3, endpoint-consumer@2 and endpoint-hub@2 do; `create-privatelink upgrade`).',
    check: (doc) => {
      const terraform = isObject(doc.json.terraform) ? doc.json.terraform : {};
      const s3 = isObject(terraform.backend) && isObject(terraform.backend.s3) ? terraform.backend.s3 : undefined;
      if (s3?.use_lockfile !== true || requiresAtLeast(terraform.required_version, LOCKFILE_SINCE)) return [];
      const has =
        terraform.required_version === undefined ? "no required_version" : `required_version ${String(terraform.required_version)}`;
      return [{ resource: "terraform.backend.s3", message: `uses use_lockfile with ${has}: Terraform older than 1.10 cannot run it` }];
    },
  },
];
