import { existsSync } from "node:fs";
import { join } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import type { ResolvedAnswers } from "../answers/resolve";
import { CONTEXT_FILE, readContext } from "../lookup/context-file";
import { MAX_ANSWERS_BYTES, readBounded } from "../read-bounded";
import { refOf } from "../registry";

/**
 * AWS's answers about zones and services for a run: asked now with
 * `--lookup` (the EC2 SDK is loaded only then), else the ones the target
 * already records in privatelink.context.json, so that generating a project
 * again gives the same files. Without either, the embedded catalog decides.
 */
export async function factsFor(resolved: ResolvedAnswers, target: string, lookup: boolean): Promise<ResolvedAnswers> {
  const lookupServices = resolved.entry.lookupServices;
  if (lookup) {
    if (!lookupServices) {
      throw new BlueprintInputError(
        "--lookup",
        `${refOf(resolved.entry)} does not use AWS lookups; service-endpoints@3 and newer and endpoint-hub@2 do: choose one of those, or leave --lookup out`,
      );
    }
    const region = resolved.answers.region as string;
    // Loaded here, not at start-up: the EC2 client is large, and only --lookup needs it.
    const { lookupFacts } = require("../lookup/lookup") as typeof import("../lookup/lookup");
    const { defaultEc2Client } = require("../lookup/client") as typeof import("../lookup/client");
    const client = defaultEc2Client(region);
    const facts = await lookupFacts(client, region, lookupServices(resolved.answers));
    const vpcs = resolved.entry.lookupVpcs?.(resolved.answers) ?? [];
    if (vpcs.length === 0) return { ...resolved, facts };
    const { checkVpcs } = require("../lookup/vpc-checks") as typeof import("../lookup/vpc-checks");
    return { ...resolved, facts, warnings: [...resolved.warnings, ...(await checkVpcs(client, region, vpcs))] };
  }
  const recorded = join(target, CONTEXT_FILE);
  if (!lookupServices || !existsSync(recorded)) return resolved;
  const facts = readContext(readBounded(recorded, CONTEXT_FILE, 4 * MAX_ANSWERS_BYTES), CONTEXT_FILE);
  if (facts.region !== resolved.answers.region) {
    throw new BlueprintInputError(
      CONTEXT_FILE,
      `records ${facts.region}, but the region is ${String(resolved.answers.region)}; run again with --lookup (create and upgrade take it) to ask AWS about this region`,
    );
  }
  return { ...resolved, facts };
}
