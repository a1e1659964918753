import { isAbsolute, posix, relative, resolve } from "node:path";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { clip } from "../../blueprints/lib/validate";
import { AWS_BLOCKS, type BlockTree } from "./block-types";
import { attribute, type Block, block, Expression, type Item } from "./hcl";
import { type Body, type CdktfStack, isDuplicateOutput, renameExpression, renameValue, type StackNames } from "./references";

/** One stack as plain Terraform: its configuration, its `moved` blocks, and the stacks it reads. */
export interface EjectedStack {
  readonly id: string;
  readonly main: readonly Block[];
  readonly moved: readonly Block[];
  /** Old resource address → new one. */
  readonly renames: ReadonlyMap<string, string>;
  readonly reads: readonly string[];
}

interface Context {
  readonly stack: CdktfStack;
  readonly names: StackNames;
  readonly all: ReadonlyMap<string, StackNames>;
  /** The folder the configuration is written to, for relative local state paths. */
  readonly targetDir: string;
}

const PROVIDER_SOURCES: Record<string, string> = { aws: "hashicorp/aws" };

/** Converts one synthesized stack; `targetDir` is where its main.tf will live. */
export function convertStack(stack: CdktfStack, all: ReadonlyMap<string, StackNames>, targetDir: string): EjectedStack {
  const names = all.get(stack.id)!;
  const ctx: Context = { stack, names, all, targetDir };
  const json = stack.json;
  const unknown = Object.keys(json).filter((k) => !["//", "terraform", "provider", "data", "resource", "output"].includes(k));
  if (unknown.length > 0) throw notSupported(stack, `top-level ${unknown.join(", ")}`);
  const main: Block[] = [terraformBlock(json.terraform ?? {}, ctx)];
  for (const [name, configs] of Object.entries(json.provider ?? {})) {
    for (const config of configs) main.push(block("provider", [name], items(config, treeOf(stack, "provider", name), ctx)));
  }
  for (const [type, byId] of Object.entries(json.data ?? {})) {
    for (const [id, body] of Object.entries(byId)) {
      const tree = type === "terraform_remote_state" ? {} : treeOf(stack, "data", type);
      const data = type === "terraform_remote_state" ? remoteState(body, ctx) : body;
      main.push(block("data", [type, tail(names.addresses.get(`data.${type}.${id}`)!)], items(data, tree, ctx)));
    }
  }
  const renames = new Map<string, string>();
  for (const [type, byId] of Object.entries(json.resource ?? {})) {
    for (const [id, body] of Object.entries(byId)) {
      const address = names.addresses.get(`${type}.${id}`)!;
      if (address !== `${type}.${id}`) renames.set(`${type}.${id}`, address);
      main.push(block("resource", [type, tail(address)], items(body, treeOf(stack, "resource", type), ctx)));
    }
  }
  const outputs = json.output ?? {};
  for (const [name, body] of Object.entries(outputs)) {
    if (isDuplicateOutput(name, names, outputs)) continue;
    main.push(block("output", [names.outputs.get(name) ?? name], items(body, {}, ctx)));
  }
  const moved = [...renames].map(([from, to]) =>
    block("moved", [], [attribute("from", new Expression(from)), attribute("to", new Expression(to))]),
  );
  return { id: stack.id, main, moved, renames, reads: [...new Set(names.reads.values())] };
}

const tail = (address: string) => address.split(".").pop()!;

function treeOf(stack: CdktfStack, kind: "provider" | "data" | "resource", type: string): BlockTree {
  if (kind === "provider") {
    if (type !== "aws") throw notSupported(stack, `provider ${type}`);
    return AWS_BLOCKS.provider;
  }
  const tree = AWS_BLOCKS[kind][type];
  if (!tree) throw notSupported(stack, `${kind === "data" ? "data source" : "resource type"} ${type}`);
  return tree;
}

function notSupported(stack: CdktfStack, what: string): BlueprintInputError {
  return new BlueprintInputError(
    "eject",
    `stack ${stack.id} has ${what}, which eject does not know how to write as HCL (it knows the blueprints' AWS types); convert that part by hand or open an issue`,
  );
}

/** The body of a block: attributes, then nested blocks, then the meta-arguments. */
function items(body: Body, tree: BlockTree, ctx: Context): Item[] {
  const attributes: Item[] = [];
  const blocks: Item[] = [];
  const meta: Item[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === "//" || value === undefined) continue;
    if (key === "depends_on") meta.push(attribute(key, references(value as string[], ctx)));
    else if (key === "lifecycle") meta.push(lifecycle(value as Body, ctx));
    else if (key === "provider" && typeof value === "string") meta.unshift(attribute(key, new Expression(value)));
    else if (Object.hasOwn(tree, key)) {
      for (const [i, nested] of (Array.isArray(value) ? value : value === null ? [] : [value]).entries()) {
        if (typeof nested !== "object" || nested === null || Array.isArray(nested))
          throw new BlueprintInputError(
            "eject",
            `stack ${ctx.stack.id} has ${key}[${i}] = ${clip(JSON.stringify(nested) ?? String(nested))}; expected a ${key} block (an object of arguments), as cdktf synth writes it`,
          );
        blocks.push(block(key, [], items(nested as Body, tree[key], ctx)));
      }
    } else attributes.push(attribute(key, renameValue(value, ctx.names, ctx.all)));
  }
  return [...attributes, ...blocks, ...meta];
}

/** `["aws_x.a"]` in JSON is `[aws_x.a]` in HCL: references, not strings. */
function references(list: readonly string[], ctx: Context): Expression {
  const bare = list.map((r) => renameExpression(r.replace(/^\$\{(.*)\}$/s, "$1"), ctx.names, ctx.all));
  return new Expression(`[${bare.join(", ")}]`);
}

function lifecycle(body: Body, ctx: Context): Block {
  const out: Item[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === "ignore_changes" && Array.isArray(value)) out.push(attribute(key, new Expression(`[${value.join(", ")}]`)));
    else if (key === "ignore_changes" && value === "all") out.push(attribute(key, new Expression("all")));
    else if (key === "replace_triggered_by" && Array.isArray(value)) out.push(attribute(key, references(value as string[], ctx)));
    else out.push(attribute(key, renameValue(value, ctx.names, ctx.all)));
  }
  return block("lifecycle", [], out);
}

function terraformBlock(terraform: Body, ctx: Context): Block {
  const body: Item[] = [];
  const backend = (terraform.backend ?? {}) as Record<string, Body>;
  const lockfile = Object.values(backend).some((b) => b.use_lockfile === true);
  body.push(attribute("required_version", (terraform.required_version as string | undefined) ?? (lockfile ? ">= 1.10" : ">= 1.5")));
  const providers = (terraform.required_providers ?? {}) as Record<string, Body>;
  const required = Object.entries(providers).map(([name, p]) =>
    attribute(name, { ...p, source: PROVIDER_SOURCES[String(p.source)] ?? p.source }),
  );
  body.push(block("required_providers", [], required));
  for (const [type, config] of Object.entries(backend)) body.push(block("backend", [type], items(localPath(type, config, ctx), {}, ctx)));
  return block("terraform", [], body);
}

/** A remote state read: the same backend and state, a local path re-based to the new folder. */
function remoteState(body: Body, ctx: Context): Body {
  const config = (body.config ?? {}) as Body;
  return { ...body, config: localPath(String(body.backend), config, ctx) };
}

/** A local backend's relative `path` points at the same state file from the new folder. */
function localPath(type: string, config: Body, ctx: Context): Body {
  if (type !== "local" || typeof config.path !== "string" || isAbsolute(config.path)) return config;
  const state = resolve(ctx.stack.dir, config.path);
  return { ...config, path: relative(ctx.targetDir, state).split(/[\\/]/).join(posix.sep) };
}
