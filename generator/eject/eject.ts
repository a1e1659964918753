import { join } from "node:path";
import type { PlannedFile } from "../plan/types";
import { convertStack, type EjectedStack } from "./convert";
import { writeHcl } from "./hcl";
import { type CdktfStack, nameStacks } from "./references";

/** The folder eject writes into, inside the project. */
export const EJECT_DIR = "terraform";

export interface Ejection {
  readonly stacks: readonly EjectedStack[];
  /** Stack IDs, each after the stacks it reads. */
  readonly order: readonly string[];
  /** Paths relative to the project's terraform/ folder. */
  readonly files: readonly PlannedFile[];
}

const HEADER = [
  "# Written by `create-privatelink eject` from the CDK for Terraform stack",
  "# of the same name. This folder is now the source: edit it, not the CDKTF code.",
].join("\n");

/** Plain Terraform for every stack of a synthesized app (pure: no disk). `projectDir` locates the new folders. */
export function eject(stacks: readonly CdktfStack[], projectDir: string): Ejection {
  const names = nameStacks(stacks);
  const ejected = stacks.map((s) => convertStack(s, names, join(projectDir, EJECT_DIR, s.id)));
  const order = deployOrder(ejected);
  const files: PlannedFile[] = [];
  for (const s of ejected) {
    files.push({ path: `${s.id}/main.tf`, content: `${HEADER}\n\n${writeHcl(s.main)}` });
    if (s.moved.length > 0) files.push({ path: `${s.id}/moved.tf`, content: `${MOVED_HEADER}\n\n${writeHcl(s.moved)}` });
  }
  files.push({ path: "README.md", content: readme(ejected, order) });
  return { stacks: ejected, order, files };
}

const MOVED_HEADER = [
  "# cdktf's logical IDs renamed to readable names: with these blocks, the first plan",
  "# against the existing state moves each resource instead of replacing it. Delete",
  "# this file once every workspace has been applied with it.",
].join("\n");

/** Stacks in an order where each comes after every stack it reads (ties in the stacks' own order). */
export function deployOrder(stacks: readonly Pick<EjectedStack, "id" | "reads">[]): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (order.includes(id)) return;
    if (visiting.has(id)) throw new Error(`stacks read each other in a cycle through ${id}`);
    visiting.add(id);
    for (const dep of stacks.find((s) => s.id === id)?.reads ?? []) visit(dep);
    visiting.delete(id);
    order.push(id);
  };
  for (const s of stacks) visit(s.id);
  return order;
}

function readme(stacks: readonly EjectedStack[], order: readonly string[]): string {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const steps = order.map((id, i) => {
    const reads = byId.get(id)!.reads;
    return `${i + 1}. \`${id}\`${reads.length > 0 ? ` (reads the state of ${reads.map((r) => `\`${r}\``).join(", ")})` : ""}`;
  });
  return [
    "# Plain Terraform for this project",
    "",
    "Written by `create-privatelink eject` from the CDK for Terraform app in the folder above",
    "(CDKTF was archived by HashiCorp on 2025-12-10). Each folder here is one former stack, as a",
    "Terraform root module with the same provider, the same backend and the same resources.",
    "",
    "## Deploy order",
    "",
    "A stack that reads another's outputs (through `terraform_remote_state`) comes after it:",
    "",
    ...steps,
    "",
    "In each folder: `terraform init`, `terraform plan`, `terraform apply`.",
    "",
    "## Moving from CDKTF",
    "",
    "- The backend is the one the stack had, so `terraform init` finds the existing state.",
    "- Resources have readable names; `moved.tf` tells Terraform the old name of each, so the first",
    "  plan shows moves, not replacements. Expect `0 to add, 0 to change, 0 to destroy` apart",
    "  from outputs; if not, stop and compare. Delete `moved.tf` once every workspace is applied.",
    "- Outputs shared between stacks have readable names too: apply a stack before the stacks",
    "  that read it, in the order above, so that their remote state has the new output names.",
    "- Then stop using `cdktf deploy`; the CDKTF sources can be deleted when you no longer need them.",
    "",
  ].join("\n");
}
