/**
 * A stack of a generated project, as data: which class, which props, and which
 * props come from another stack. `main.ts` is rendered from these, and the tests
 * and the repository's own CDKTF app instantiate them the same way.
 */
export interface StackSpec {
  /** Stack id, also its folder under cdktf.out/stacks. */
  readonly id: string;
  /** Variable name in main.ts. */
  readonly varName: string;
  /** Exported class of the blueprint module. */
  readonly className: string;
  /** Blueprint module, relative to the project root (`blueprints/service-endpoints/v1`). */
  readonly module: string;
  /** Props as plain JSON data. */
  readonly props: Readonly<Record<string, unknown>>;
  /** Props taken from another stack's public attribute: a cross-stack reference. */
  readonly refs?: Readonly<Record<string, { readonly stack: string; readonly attribute: string }>>;
}
