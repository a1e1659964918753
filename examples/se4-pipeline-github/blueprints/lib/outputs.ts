import type { Construct } from "constructs";
import { TerraformOutput } from "./cdktf.ts";

/** A stack output under its plain name (`vpc_id`), as `cdktf output` shows it. */
export function output(scope: Construct, name: string, value: unknown, description: string): TerraformOutput {
  const out = new TerraformOutput(scope, name, { value, description });
  out.overrideLogicalId(name);
  return out;
}
