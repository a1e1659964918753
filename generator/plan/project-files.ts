import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import type { CommonAnswers } from "../answers/types";
import { PACKAGE_ROOT, packageJson } from "../paths";
import { type GeneratorPin, pinSpec } from "./generator-pin";
import type { PlannedFile } from "./types";
import { LINE_WIDTH } from "./typescript-literal";

/** JSON files are built as objects and serialized: never templated as text. */
export function jsonFile(path: string, value: unknown): PlannedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}

/** A file copied from templates/ as it is. */
export function staticFile(path: string, template: string): PlannedFile {
  return { path, content: readFileSync(join(PACKAGE_ROOT, "templates", template), "utf8") };
}

const RUNTIME = ["cdktf", "@cdktf/provider-aws", "constructs", "@aws-sdk/util-endpoints"];
const DEV = [
  "@biomejs/biome",
  "@cloud-copilot/iam-simulate",
  "cdktn-cli",
  "jest",
  "ts-jest",
  "@types/jest",
  "@types/node",
  "typescript",
  "tsx",
];

/**
 * The project's package.json: exact versions, the same the generator is tested
 * with. The generator that made the project is pinned too, as a devDependency,
 * so that `npx create-privatelink check|upgrade|lint` in the project run that
 * copy, not whatever npx would fetch; `upgrade` re-renders this file and so
 * moves the pin to the generator that ran it. Nothing at runtime depends on it.
 * How it is pinned (the version, or a tarball in the project): `generator-pin.ts`.
 */
export function projectPackageJson(answers: CommonAnswers, pin: GeneratorPin = "registry"): PlannedFile {
  const own = packageJson();
  const pick = (names: string[], from: Record<string, string>) => Object.fromEntries(names.sort().map((name) => [name, from[name]]));
  return jsonFile("package.json", {
    name: answers.projectName,
    version: "0.1.0",
    private: true,
    description: `AWS PrivateLink infrastructure generated from ${answers.blueprint}`,
    // ES modules, so that Node runs main.ts as it is written (scripts/typescript.mjs).
    type: "module",
    scripts: {
      // main.ts run directly, without the cdktf CLI's start-up: see scripts/synth.mjs
      synth: `${APP_NODE} --import ./scripts/synth.mjs main.ts`,
      // the CDKTF CLI for this Node (cdktn-cli, or cdktf-cli on Node 20), without telemetry: see scripts/cdktf.mjs
      cdktf: "node scripts/cdktf.mjs",
      deploy: "node scripts/cdktf.mjs deploy '*'",
      diff: "node scripts/cdktf.mjs diff",
      // Jest runs the ES-module tests with Node's VM modules (see jest.config.js).
      test: "node --experimental-vm-modules --disable-warning=ExperimentalWarning node_modules/jest/bin/jest.js",
      typecheck: "tsc --noEmit",
      format: "biome check --write .",
    },
    engines: { node: ">=20.19" },
    dependencies: pick(RUNTIME, own.dependencies),
    devDependencies: pick([...DEV, own.name], { ...own.dependencies, ...own.devDependencies, [own.name]: pinSpec(pin) }),
    // The archived cdktf-cli, for Node 20 only (scripts/cdktf.mjs): cdktn-cli, its fork, needs Node 22 and has no node-pty.
    optionalDependencies: pick(["cdktf-cli"], own.devDependencies),
    // The install scripts npm (11) may run: none of the generator's. node-pty's would compile on Node 24 (no binary
    // ships for it: python3, make, a C++ compiler); without it node-pty loads its shipped binary on Node 20 and 22,
    // and on Node 24 nothing loads node-pty (cdktn-cli runs there).
    allowScripts: own.allowScripts ?? {},
  });
}

/**
 * How the project's Node runs main.ts: Node 22.18 and later strip its types
 * natively; scripts/typescript.mjs registers tsx where Node is older. Neither
 * checks types (`npm run typecheck` does), so synth spends its time on
 * synthesis, not on a compiler. DEP0044: cdktf 0.21's TerraformOutput calls
 * util.isArray, which Node 22 and later warn about on every synth.
 */
export const APP_NODE = "node --disable-warning=DEP0044 --import ./scripts/typescript.mjs";

/** cdktf.json: `cdktf synth` runs main.ts as `npm run synth` does. */
export function cdktfJson(answers: CommonAnswers): PlannedFile {
  const id = createHash("sha256").update(`create-privatelink:${answers.projectName}`).digest("hex");
  return jsonFile("cdktf.json", {
    language: "typescript",
    app: `${APP_NODE} main.ts`,
    projectId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
    sendCrashReports: "false",
    terraformProviders: [],
    terraformModules: [],
    context: {},
  });
}

/**
 * biome.json: the generated TypeScript is written as Biome formats it, with the
 * generator's own settings, so `npm run format` after an edit changes only
 * what the user wrote. Linting is left to the project's owners.
 */
export function biomeJson(): PlannedFile {
  const own = packageJson().devDependencies["@biomejs/biome"];
  return jsonFile("biome.json", {
    $schema: `https://biomejs.dev/schemas/${own}/schema.json`,
    files: { includes: ["**/*.ts", "**/*.js", "!cdktf.out", "!node_modules"] },
    formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: LINE_WIDTH },
    javascript: { formatter: { quoteStyle: "double", trailingCommas: "all", semicolons: "always" } },
    // JSON files are written by JSON.stringify (package.json, cdk.tf.json), not by hand.
    json: { formatter: { enabled: false } },
    linter: { enabled: false },
    assist: { actions: { source: { organizeImports: "on" } } },
  });
}

/**
 * tsconfig.json: `tsc` checks that every file is one Node's type stripping can
 * run: ES modules, relative imports with their `.ts` extension (rewritten to
 * `.js` when compiled), type-only imports marked `import type`, and no syntax
 * that needs more than erasing types (enums, namespaces, parameter properties).
 */
export function tsconfig(): PlannedFile {
  return jsonFile("tsconfig.json", {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022"],
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      erasableSyntaxOnly: true,
      rewriteRelativeImportExtensions: true,
      skipLibCheck: true,
      types: ["node", "jest"],
    },
    include: ["main.ts", "blueprints/**/*.ts", "test/**/*.ts"],
    exclude: ["node_modules", "cdktf.out"],
  });
}

/** The blueprint version's source, the versions it builds on and the shared library, copied unchanged. */
export function blueprintSources(versionDirs: readonly string[]): PlannedFile[] {
  return ["blueprints/lib", ...versionDirs]
    .flatMap(listTs)
    .map((path) => ({ path, content: readFileSync(join(PACKAGE_ROOT, path), "utf8") }));
}

function listTs(dir: string): string[] {
  return readdirSync(join(PACKAGE_ROOT, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listTs(posix.join(dir, entry.name))
        : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")
          ? [posix.join(dir, entry.name)]
          : [],
    )
    .sort();
}
