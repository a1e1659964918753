import type { Construct } from "constructs";
import type { AnyAnswers } from "./answers/types";
import type { AwsFacts } from "./lookup/facts";
import type { BlueprintEntry } from "./registry";
import { expand, type StackSpec } from "./stack-spec";

type StackClass = new (scope: Construct, id: string, props: Record<string, unknown>) => Construct;

/**
 * Instantiates the stacks of `answers` in `app`, the way a generated main.ts
 * does: in order, with cross-stack props read from the stacks made before.
 * `idPrefix` keeps stacks of several projects apart in one app.
 */
export function instantiateStacks(
  app: Construct,
  entry: BlueprintEntry,
  answers: AnyAnswers,
  idPrefix = "",
  facts?: AwsFacts,
): Map<string, Construct> {
  const module = entry.load();
  const made = new Map<string, Construct>();
  const byVar = new Map<string, Construct>();
  for (const spec of entry.stacks(answers, facts)) {
    const StackType = module[spec.className] as StackClass;
    const all: Construct[] = [];
    for (const { id, props } of expand(spec)) {
      const stack = new StackType(app, `${idPrefix}${id}`, { ...props, ...resolveRefs(spec, byVar) });
      made.set(id, stack);
      all.push(stack);
      byVar.set(spec.id, stack);
    }
    // A repeated stack is referred to as the list of its stacks (main.ts collects them).
    if (spec.repeat) byVar.set(spec.id, all as unknown as Construct);
  }
  return made;
}

function resolveRefs(spec: StackSpec, made: Map<string, Construct>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(spec.refs ?? {}).map(([prop, ref]) => {
      const source = made.get(ref.stack) as unknown as Record<string, unknown> | undefined;
      if (!source) throw new Error(`stack ${spec.id} refers to ${ref.stack}, which is not made before it`);
      return [prop, ref.attribute === undefined ? source : source[ref.attribute]];
    }),
  );
}
