import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CROSS_REGION } from "../../blueprints/pipeline/facts/terraform-actions";
import type { Manifest } from "../../blueprints/pipeline/waves";
import type { ResolvedAnswers } from "../answers/resolve";
import { instantiateStacks } from "../instantiate";
import { withoutTokenTraces } from "../plan/token-traces";

/** A role a stack's providers assume, with what that stack deploys through it. */
export interface RoleUse {
  readonly roleArn: string;
  readonly externalId?: string;
  readonly region: string;
  /** Resource types of the stack that this role's provider manages, sorted. */
  readonly types: readonly string[];
}

/** What the pipeline needs to know of one synthesized stack. */
export interface StackFacts {
  readonly id: string;
  readonly roles: readonly RoleUse[];
}

/** The synthesized project, as the pipeline reads it: cdktf's manifest and each stack's roles. */
export interface SynthFacts {
  readonly manifest: Manifest;
  readonly stacks: readonly StackFacts[];
  /** The hashicorp/aws version the stacks require (the bootstrap requires the same). */
  readonly awsProviderVersion: string;
}

interface ProviderBlock {
  readonly alias?: string;
  readonly region?: string;
  readonly assume_role?: readonly { readonly role_arn?: string; readonly external_id?: string }[];
}

interface StackJson {
  readonly terraform?: { readonly required_providers?: { readonly aws?: { readonly version?: string } } };
  readonly provider?: { readonly aws?: readonly ProviderBlock[] };
  readonly resource?: Readonly<
    Record<string, Readonly<Record<string, { readonly provider?: string; readonly [argument: string]: unknown }>>>
  >;
}

/**
 * Synthesizes the project as `cdktf synth` does, into a temporary folder removed after, and reads back cdktf's
 * manifest (the stacks' dependencies) and each stack's providers and resources. Only pipeline projects pay for it.
 */
export function synthFacts(resolved: ResolvedAnswers): SynthFacts {
  const { App } = require("../../blueprints/lib/cdktf") as typeof import("../../blueprints/lib/cdktf");
  const outdir = mkdtempSync(join(tmpdir(), "privatelink-pipeline-"));
  try {
    withoutTokenTraces(() => {
      const app = new App({ outdir, skipValidation: true });
      instantiateStacks(app, resolved.entry, resolved.answers, "", resolved.facts);
      withoutDep0044(() => app.synth());
    });
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest & {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    const versions = new Set<string>();
    const stacks = Object.entries(manifest.stacks).map(([id, entry]) => {
      const json = JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), "utf8")) as StackJson;
      versions.add(json.terraform?.required_providers?.aws?.version ?? "");
      return { id, roles: rolesOf(id, json) };
    });
    if (versions.size !== 1 || versions.has(""))
      throw new Error(`the stacks require hashicorp/aws ${[...versions].join(", ")}; expected one version`);
    const dependencies = Object.fromEntries(
      Object.entries(manifest.stacks).map(([id, s]) => [id, { dependencies: [...(s.dependencies ?? [])] }]),
    );
    return { manifest: { stacks: dependencies }, stacks, awsProviderVersion: [...versions][0] };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * cdktf's synth calls `util.isArray`, deprecated (DEP0044) with a warning on Node 22 and later: a user can do nothing
 * about it, so it is not printed, as the project's own scripts run Node with `--disable-warning=DEP0044`.
 */
function withoutDep0044(synth: () => void): void {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0];
    const code = typeof options === "object" && options !== null ? (options as { code?: string }).code : rest[1];
    if (code === "DEP0044") return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    synth();
  } finally {
    process.emitWarning = emit;
  }
}

/** Each provider's role, with the resource types that name that provider (`aws.hub`) or, without a name, the default. */
export function rolesOf(id: string, json: StackJson): RoleUse[] {
  const providers = json.provider?.aws ?? [];
  const types = new Map<string, Set<string>>(providers.map((p) => [p.alias ?? "", new Set<string>()]));
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const resource of Object.values(byName)) {
      const alias = resource.provider?.replace(/^aws\.?/, "") ?? "";
      const set = types.get(alias);
      if (!set) throw new Error(`stack ${id}: ${type} names provider ${resource.provider}, which the stack does not configure`);
      set.add(type);
      if ((type === "aws_vpc_endpoint" && resource.service_region) || (type === "aws_vpc_endpoint_service" && resource.supported_regions))
        set.add(CROSS_REGION);
    }
  }
  return providers.map((p) => {
    const assumed = p.assume_role?.[0];
    if (!assumed?.role_arn)
      throw new Error(
        `stack ${id}: its ${p.alias ? `provider ${p.alias}` : "provider"} assumes no role, so the pipeline role cannot deploy it`,
      );
    return {
      roleArn: assumed.role_arn,
      ...(assumed.external_id ? { externalId: assumed.external_id } : {}),
      region: p.region ?? "",
      types: [...(types.get(p.alias ?? "") ?? [])].sort(),
    };
  });
}
