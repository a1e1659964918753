/**
 * The first key that an object of a JSON text names twice, with its path (`consumers[1].account`),
 * or undefined. `JSON.parse` keeps the last of two equal keys without a word, so an answers file
 * saying `"region"` twice would silently mean the second; a repeated flag is an error, and so is
 * this. Call it on text `JSON.parse` accepted: it only walks strings, brackets, colons and commas.
 */
export function duplicateKey(text: string): string | undefined {
  interface Level {
    readonly keys: Set<string> | undefined; // undefined: a list
    readonly path: string;
    index: number;
    key?: string;
  }
  const stack: Level[] = [];
  const here = () => stack[stack.length - 1];
  const childPath = (level: Level | undefined) =>
    level === undefined ? "" : level.keys ? `${level.path}${level.path ? "." : ""}${level.key ?? ""}` : `${level.path}[${level.index}]`;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const level = here();
        if (level.keys!.has(key)) return `${level.path}${level.path ? "." : ""}${key}`;
        level.keys!.add(key);
        level.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === "{") {
      stack.push({ keys: new Set(), path: childPath(here()), index: 0 });
      expectKey = true;
    } else if (c === "[") {
      stack.push({ keys: undefined, path: childPath(here()), index: 0 });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const level = here();
      if (level.keys) expectKey = true;
      else level.index++;
    }
  }
  return undefined;
}
