import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CliResult, runCli, tmp } from "../support/cli";

/** A project folder whose one stack holds `json` (written as given: a string is written verbatim). */
export function stackProject(json: unknown): string {
  const dir = tmp("lint-input");
  mkdirSync(join(dir, "cdktf.out", "stacks", "s"), { recursive: true });
  writeFileSync(join(dir, "cdktf.out", "stacks", "s", "cdk.tf.json"), typeof json === "string" ? json : JSON.stringify(json));
  return dir;
}

/** `create-privatelink lint` on a one-stack project with these resources. */
export function lintResources(resource: Record<string, Record<string, unknown>>, ...flags: string[]): CliResult {
  return runCli(["lint", stackProject({ resource }), ...flags]);
}

/** The findings of `lint --json` as `rule resource` lines, sorted, for compact assertions. */
export function findingsOf(result: CliResult): string[] {
  const report = JSON.parse(result.stdout) as { findings: { rule: string; resource: string }[] };
  return report.findings.map((f) => `${f.rule} ${f.resource}`).sort();
}

/** An IAM policy document as the JSON string Terraform takes. */
export const policyJson = (...statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/**
 * A gateway endpoint to DynamoDB with this policy (a string, or anything for hostile shapes). Not S3:
 * PL_S3_AWS_OWNED_READS would add its own finding to every narrow policy.
 */
export const gatewayEndpoint = (policy: unknown): Record<string, Record<string, unknown>> => ({
  aws_vpc_endpoint: {
    e: { vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.eu-west-1.dynamodb", route_table_ids: ["rtb-1"], policy },
  },
});
