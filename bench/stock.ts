import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The stock `cdktf init` way on the same stacks, for the bench's baseline: a
 * CommonJS project run by ts-node (which type-checks at load), importing the
 * AWS provider's package root as its generated bindings do. It is the
 * generated project copied and turned back into what `cdktf init` writes:
 * no `"type": "module"`, cdktf init's compiler settings, relative imports
 * without extensions, and `require.main === module`. Returns the folder.
 */
export function stockProject(dir: string): string {
  const stock = `${dir}-stock`;
  cpSync(dir, stock, { recursive: true, filter: (source) => !/[/\\](node_modules|cdktf\.out|\.bench-js)$/.test(source) });
  symlinkSync(join(dir, "node_modules"), join(stock, "node_modules"), "dir");
  const pkg = JSON.parse(readFileSync(join(stock, "package.json"), "utf8"));
  delete pkg.type;
  writeFileSync(join(stock, "package.json"), JSON.stringify(pkg, null, 2));
  writeFileSync(
    join(stock, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", lib: ["ES2022"], module: "CommonJS", strict: true, skipLibCheck: true, types: ["node"] },
      include: ["main.ts", "blueprints/**/*.ts"],
    }),
  );
  for (const file of tsFiles(stock)) {
    const text = readFileSync(file, "utf8").replace(/(from "\.{1,2}\/[^"]*?)(?:\/index)?\.ts"/g, '$1"');
    writeFileSync(file, text);
  }
  const main = readFileSync(join(stock, "main.ts"), "utf8")
    .replace(/^import \{ isMainModule \} from .*\n/m, "")
    .replace(/if \(isMainModule\(import\.meta\.url\)\)/, "if (require.main === module)");
  writeFileSync(join(stock, "main.ts"), `import "@cdktf/provider-aws";\n${main}`);
  return stock;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("node_modules"))
    .map((e) => join(e.parentPath, e.name));
}
