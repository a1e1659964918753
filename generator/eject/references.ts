import { identifier, renameIds, unique } from "./names";
import { mapExpressions } from "./template";

/** A stack as cdktf synthesized it. */
export interface CdktfStack {
  readonly id: string;
  /** The folder cdk.tf.json was read from: relative local state paths are relative to it. */
  readonly dir: string;
  readonly json: CdktfJson;
}

export type Body = Record<string, unknown>;
export type CdktfJson = {
  readonly terraform?: Body;
  readonly provider?: Record<string, Body[]>;
  readonly data?: Record<string, Record<string, Body>>;
  readonly resource?: Record<string, Record<string, Body>>;
  readonly output?: Record<string, Body>;
};

/** What cdktf names the remote state of another stack, and the outputs it shares with it. */
const REMOTE_STATE = /^cross-stack-reference-input-(.+)$/;
const SHARED_OUTPUT = /^cross-stack-output-/;

/** The renames of one stack: addresses (`aws_vpc.old` → `aws_vpc.new`, `data.x.old` → `data.x.new`) and outputs. */
export interface StackNames {
  readonly addresses: ReadonlyMap<string, string>;
  /** Old output name → the new one; shared outputs that repeat an existing output map to it. */
  readonly outputs: ReadonlyMap<string, string>;
  /** Remote state data source name → the stack it reads. */
  readonly reads: ReadonlyMap<string, string>;
}

/** Names for every stack of the app: resources and data per type, remote states after the stack they read. */
export function nameStacks(stacks: readonly CdktfStack[]): Map<string, StackNames> {
  const names = new Map<string, StackNames>();
  for (const stack of stacks) names.set(stack.id, addressesOf(stack, stacks));
  for (const stack of stacks) {
    const own = names.get(stack.id)!;
    names.set(stack.id, { ...own, outputs: outputsOf(stack, own) });
  }
  return names;
}

function addressesOf(stack: CdktfStack, stacks: readonly CdktfStack[]): StackNames {
  const addresses = new Map<string, string>();
  const reads = new Map<string, string>();
  for (const [type, byId] of Object.entries(stack.json.resource ?? {})) {
    for (const [old, name] of renameIds(type, Object.keys(byId))) addresses.set(`${type}.${old}`, `${type}.${name}`);
  }
  for (const [type, byId] of Object.entries(stack.json.data ?? {})) {
    if (type !== "terraform_remote_state") {
      for (const [old, name] of renameIds(type, Object.keys(byId))) addresses.set(`data.${type}.${old}`, `data.${type}.${name}`);
      continue;
    }
    const used = new Set<string>();
    for (const old of Object.keys(byId).sort()) {
      const read = REMOTE_STATE.exec(old)?.[1];
      const stackId = stacks.find((s) => s.id === read)?.id;
      if (stackId) reads.set(old, stackId);
      addresses.set(`data.${type}.${old}`, `data.${type}.${unique(identifier(stackId ?? old, "stack"), used)}`);
    }
  }
  return { addresses, outputs: new Map(), reads };
}

/**
 * Shared outputs (`cross-stack-output-…`) get a name from what they hold (`service_service_name`
 * for `aws_vpc_endpoint_service.service.service_name`), or the name of an output with the same value.
 */
function outputsOf(stack: CdktfStack, names: StackNames): Map<string, string> {
  const outputs = stack.json.output ?? {};
  const renamed = (o: Body) => JSON.stringify(renameValue(o.value, names, new Map()));
  const result = new Map<string, string>();
  const used = new Set(Object.keys(outputs).filter((n) => !SHARED_OUTPUT.test(n)));
  for (const name of used) result.set(name, name);
  for (const name of Object.keys(outputs).sort()) {
    if (!SHARED_OUTPUT.test(name)) continue;
    const value = renamed(outputs[name]);
    const same = [...used].find((n) => !SHARED_OUTPUT.test(n) && outputs[n] && renamed(outputs[n]) === value);
    if (same) {
      result.set(name, same);
      continue;
    }
    const ref = /^"\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}"$/.exec(value);
    result.set(name, unique(ref ? identifier(`${ref[2]}_${ref[3]}`, "shared") : "shared_value", used));
  }
  return result;
}

/** True for a shared output that only repeats another output, and is left out. */
export function isDuplicateOutput(name: string, names: StackNames, outputs: Readonly<Record<string, Body>>): boolean {
  const target = names.outputs.get(name) ?? name;
  return SHARED_OUTPUT.test(name) && target !== name && Object.hasOwn(outputs, target);
}

const REMOTE_REF = /(?<![\w.-])data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;
const REF = /(?<![\w.-])(data\.[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+|[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g;

/** An expression with every address renamed, remote outputs included (`all` maps stack ID → its names). */
export function renameExpression(expression: string, names: StackNames, all: ReadonlyMap<string, StackNames>): string {
  return expression
    .replace(REMOTE_REF, (whole, state: string, output: string) => {
      const stack = names.reads.get(state);
      const newOutput = stack ? all.get(stack)?.outputs.get(output) : undefined;
      const newState = names.addresses.get(`data.terraform_remote_state.${state}`);
      return newState && newOutput ? `${newState}.outputs.${newOutput}` : whole;
    })
    .replace(REF, (ref: string) => names.addresses.get(ref) ?? ref);
}

/** A JSON value with the addresses in every template's interpolations renamed (object keys untouched). */
export function renameValue(value: unknown, names: StackNames, all: ReadonlyMap<string, StackNames>): unknown {
  if (typeof value === "string") return mapExpressions(value, (e) => renameExpression(e, names, all));
  if (Array.isArray(value)) return value.map((v) => renameValue(v, names, all));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameValue(v, names, all)]));
  return value;
}
