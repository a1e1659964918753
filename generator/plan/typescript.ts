import { isSharedList, type StackSpec } from "../stack-spec";
import { tsKey as key, tsLiteral } from "./typescript-literal";

/** What main.ts needs to declare one stack spec: its props lines, computed here. */
export interface StackDeclaration {
  readonly varName: string;
  readonly className: string;
  readonly idLiteral: string;
  readonly propLines: readonly string[];
  /** Set for a repeated spec: the list's name and literal, and the loop variable. */
  readonly loop: { readonly listName: string; readonly listLiteral: string; readonly item: string; readonly declare: boolean } | false;
  /** For a referenced repeated spec: the stacks are collected in an array named `varName`. */
  readonly collect: boolean;
  /** Whether a later stack refers to this one. */
  readonly referenced: boolean;
}

/** main.ts declarations for the specs, in order. */
export function declarations(specs: readonly StackSpec[]): StackDeclaration[] {
  const referenced = new Set(specs.flatMap((s) => Object.values(s.refs ?? {}).map((r) => r.stack)));
  const varOf = (id: string) => specs.find((s) => s.id === id)!.varName;
  return specs.map((spec) => {
    const item = spec.repeat ? spec.repeat.prop : "";
    const indent = spec.repeat ? "      " : "    ";
    const lines = Object.entries(spec.props).map(([name, value]) => {
      if (isSharedList(value)) return value.$list === name ? `${indent}${name},` : `${indent}${key(name)}: ${value.$list},`;
      return `${indent}${key(name)}: ${tsLiteral(value, indent, indent.length + key(name).length + 2)},`;
    });
    if (spec.repeat) lines.push(`${indent}${key(spec.repeat.prop)},`);
    for (const [prop, ref] of Object.entries(spec.refs ?? {})) {
      const source = ref.attribute === undefined ? varOf(ref.stack) : `${varOf(ref.stack)}.${ref.attribute}`;
      lines.push(source === prop ? `${indent}${prop},` : `${indent}${key(prop)}: ${source},`);
    }
    const idPart = spec.repeat?.key === undefined ? item : `${item}.${spec.repeat.key}`;
    return {
      varName: spec.varName,
      className: spec.className,
      idLiteral: spec.repeat ? `\`${spec.id}-\${${idPart}}\`` : tsLiteral(spec.id, ""),
      propLines: lines,
      loop: spec.repeat
        ? {
            listName: spec.repeat.listName,
            listLiteral: tsLiteral(spec.repeat.values, "  ", `  const ${spec.repeat.listName} = `.length),
            item,
            declare: spec.repeat.shared !== true,
          }
        : false,
      referenced: referenced.has(spec.id),
      collect: !!spec.repeat && referenced.has(spec.id),
    };
  });
}

/** The shared lists the specs name (props and loops), each declared once at the top of build(). */
export function sharedLists(specs: readonly StackSpec[]): { readonly name: string; readonly literal: string }[] {
  const lists = new Map<string, readonly unknown[]>();
  for (const spec of specs) {
    for (const value of Object.values(spec.props)) if (isSharedList(value)) lists.set(value.$list, value.values);
    if (spec.repeat?.shared) lists.set(spec.repeat.listName, spec.repeat.values);
  }
  return [...lists].map(([name, values]) => ({ name, literal: tsLiteral(values, "  ", `  const ${name} = `.length) }));
}
