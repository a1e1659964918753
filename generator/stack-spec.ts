/**
 * A stack of a generated project, as data: which class, which props, and which
 * props come from another stack. `main.ts` is rendered from these, and the tests
 * and the repository's own CDKTF app instantiate them the same way.
 */
export interface StackSpec {
  /** Stack id (its folder under cdktf.out/stacks); with `repeat`, the id prefix. */
  readonly id: string;
  /** Variable name in main.ts. */
  readonly varName: string;
  /** Exported class of the blueprint module. */
  readonly className: string;
  /** Blueprint module, relative to the project root (`blueprints/service-endpoints/v1`). */
  readonly module: string;
  /** Props as plain JSON data. */
  readonly props: Readonly<Record<string, unknown>>;
  /**
   * Props taken from another stack's public attribute: a cross-stack reference.
   * Without `attribute`, the stack itself; for a repeated stack, the list of its stacks.
   */
  readonly refs?: Readonly<Record<string, { readonly stack: string; readonly attribute?: string }>>;
  /**
   * One stack per value (e.g. per consumer account), rendered as a loop in
   * main.ts: stack id `<id>-<value>`, the value in prop `prop`.
   */
  readonly repeat?: {
    /** Strings, or (with `key`) objects. */
    readonly values: readonly unknown[];
    readonly prop: string;
    readonly listName: string;
    /** The list is a shared list (declared once at the top of main.ts), not declared by the loop. @default false */
    readonly shared?: boolean;
    /** The values are objects: the stack id takes this field of each. @default none (the values are strings) */
    readonly key?: string;
  };
}

/**
 * A list that main.ts declares once, at the top of `build()`, and that props of
 * several stacks name: a user who adds a consumer edits one line. Released
 * versions that predate it keep their main.ts as it was.
 */
export interface SharedList<T = string> {
  readonly $list: string;
  readonly values: readonly T[];
}

export function sharedList<T = string>(name: string, values: readonly T[]): SharedList<T> {
  return { $list: name, values };
}

export function isSharedList(value: unknown): value is SharedList<unknown> {
  return typeof value === "object" && value !== null && "$list" in value;
}

/** A prop value as data: shared lists become their values. */
function resolved(value: unknown): unknown {
  return isSharedList(value) ? [...value.values] : value;
}

/** The concrete stacks a spec stands for: one, or one per repeated value. */
export function expand(spec: StackSpec): { id: string; props: Record<string, unknown> }[] {
  const props = Object.fromEntries(Object.entries(spec.props).map(([key, value]) => [key, resolved(value)]));
  if (!spec.repeat) return [{ id: spec.id, props }];
  const { values, prop, key } = spec.repeat;
  const name = (value: unknown) => String(key === undefined ? value : (value as Record<string, unknown>)[key]);
  return values.map((value) => ({ id: `${spec.id}-${name(value)}`, props: { ...props, [prop]: value } }));
}
