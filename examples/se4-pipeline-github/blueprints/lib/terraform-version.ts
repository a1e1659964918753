import type { TerraformStack } from "./cdktf.ts";

/**
 * The oldest Terraform a stack needs: the S3 backend's `use_lockfile` (S3
 * native locking, the default here) came in Terraform 1.10; an older
 * Terraform fails at init with an unhelpful "unsupported argument".
 */
export const MIN_TERRAFORM = ">= 1.10";

/** Writes `terraform.required_version` into the stack's terraform block. */
export function requireTerraform(stack: TerraformStack, constraint: string = MIN_TERRAFORM): void {
  stack.addOverride("terraform.required_version", constraint);
}
