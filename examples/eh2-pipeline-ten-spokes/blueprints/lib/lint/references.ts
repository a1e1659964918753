import { type Body, type LintDocument, resources } from "./model.ts";
import { isObject } from "./nodes.ts";

/** A resource found by following references: which document holds it, and its body. */
export interface Resolved {
  readonly doc: LintDocument;
  readonly type: string;
  readonly name: string;
  readonly body: Body;
}

const ATTRIBUTE = /^\$\{([a-z0-9_]+)\.([\w-]+)\.([a-z_]+)\}$/;
const REMOTE = /^\$\{data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)\}$/;
/** How far a chain of references is followed: cdktf's are two or three long; a cycle in a hostile file stops here. */
const MAX_HOPS = 8;

/** The stack folder a synthesized file sits in (`cdktf.out/stacks/<stack>/cdk.tf.json`), else its own path. */
const stackOf = (doc: LintDocument) => /(?:^|[\\/])stacks[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(doc.file)?.[1];

/**
 * The document a `terraform_remote_state` of `doc` reads: the one whose backend is the
 * state it names (same local path, or same S3 bucket and key), else, by cdktf's naming
 * (`cross-stack-reference-input-<stack>`), the document of that stack.
 */
function remoteDoc(doc: LintDocument, name: string, docs: readonly LintDocument[]): LintDocument | undefined {
  const data = (doc.json.data as Record<string, unknown> | undefined)?.terraform_remote_state;
  const remote = isObject(data) ? data[name] : undefined;
  const config = isObject(remote) && isObject(remote.config) ? remote.config : undefined;
  const same = (other: LintDocument) => {
    const backend = (other.json.terraform as Record<string, unknown> | undefined)?.backend;
    if (!isObject(backend) || config === undefined) return false;
    const settings = Object.values(backend).find(isObject);
    if (settings === undefined) return false;
    if (typeof config.path === "string") return settings.path === config.path;
    return typeof config.key === "string" && settings.bucket === config.bucket && settings.key === config.key;
  };
  const stack = /^cross-stack-reference-input-(.+)$/.exec(name)?.[1];
  return docs.find((d) => d !== doc && same(d)) ?? docs.find((d) => d !== doc && stack !== undefined && stackOf(d) === stack);
}

/**
 * The resource of type `type` an expression names, following what cdktf writes between stacks:
 * `${<type>.<name>.<attribute>}` in the same document, another stack's output read through
 * `terraform_remote_state`, and an accepter's `vpc_endpoint_id` (the endpoint it accepts).
 * Undefined for a literal, an unknown shape or a chain that does not end at `type`.
 */
export function resolveResource(
  expression: unknown,
  doc: LintDocument,
  docs: readonly LintDocument[],
  type: string,
  hops = 0,
): Resolved | undefined {
  if (typeof expression !== "string" || hops > MAX_HOPS) return undefined;
  const local = ATTRIBUTE.exec(expression);
  if (local) {
    const [, resourceType, name] = local;
    const body = resources(doc, resourceType).find((r) => r.name === name)?.body;
    if (body === undefined) return undefined;
    if (resourceType === type) return { doc, type, name, body };
    if (resourceType === "aws_vpc_endpoint_connection_accepter" && type === "aws_vpc_endpoint")
      return resolveResource(body.vpc_endpoint_id, doc, docs, type, hops + 1);
    return undefined;
  }
  const remote = REMOTE.exec(expression);
  if (remote) {
    const target = remoteDoc(doc, remote[1], docs);
    const outputs = target?.json.output;
    const output = isObject(outputs) ? outputs[remote[2]] : undefined;
    if (target === undefined || !isObject(output)) return undefined;
    return resolveResource(output.value, target, docs, type, hops + 1);
  }
  return undefined;
}
