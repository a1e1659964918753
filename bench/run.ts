/**
 * `npm run bench`: synth speed of generated projects against the stock cdktf
 * way, growth with the number of consumer stacks, and the generator's own time.
 * Runs are interleaved (ours, baseline, ours, …) so that machine noise hits both
 * sides alike; medians and ratios are reported, never absolute pass/fail.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { APP_NODE } from "../generator/plan/project-files";
import { CURRENT_NODES, nodeHome, onNode } from "../test/support/node-versions";
import { stockProject } from "./stock";

const ROOT = resolve(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "generator", "cli.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TWENTY =
  "ssm,ssmmessages,ec2messages,ec2,logs,monitoring,kms,secretsmanager,sts,ecr.api,ecr.dkr,ecs,sqs,sns,lambda,events,states,elasticloadbalancing,autoscaling,cloudformation";

interface Sample {
  seconds: number;
  maxRssMb: number;
}

/** Runs a command under /usr/bin/time for wall time and peak memory; `ok` lists the exit codes that are not failures. */
function measure(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, ok: readonly number[] = [0]): Sample {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
  });
  if (!ok.includes(result.status ?? -1)) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds, maxRssMb: kb / 1024 };
}

/** A stack of `groups` security groups of `perGroup` /32 ingress rules each, for lint; returns its cdk.tf.json. */
function lintStack(groups: number, perGroup: number): string {
  const dir = mkdtempSync(join(tmpdir(), "privatelink-bench-lint-"));
  const sg: Record<string, unknown> = {};
  let n = 0;
  for (let g = 0; g < groups; g++) {
    const ingress = Array.from({ length: perGroup }, () => {
      n++;
      return {
        description: `rule ${n}`,
        protocol: "tcp",
        from_port: 443,
        to_port: 443,
        cidr_blocks: [`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}/32`],
      };
    });
    sg[`g${g}`] = { description: "endpoints", vpc_id: "vpc-1", ingress };
  }
  const file = join(dir, "cdk.tf.json");
  writeFileSync(file, JSON.stringify({ resource: { aws_security_group: sg } }));
  return file;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generate(name: string, args: string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), "privatelink-bench-")), name);
  const result = spawnSync(process.execPath, [CLI, dir, "--yes", "--generator-pin", "registry", ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** The project's own app command (cdktf.json), as argv for node: types stripped by Node, or by tsx where Node is older. */
const APP_ARGS = [...APP_NODE.split(" ").slice(1), "main.ts"];

/** The project compiled by its own tsc into a folder inside it (node_modules resolves as for main.ts); returns main.js. */
function compileToJs(dir: string): string {
  const out = join(dir, ".bench-js");
  const result = spawnSync(join(dir, "node_modules", ".bin", "tsc"), ["--outDir", out, "--noEmit", "false"], {
    cwd: dir,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`tsc failed in ${dir}:\n${result.stdout}${result.stderr}`);
  return join(out, "main.js");
}

function row(label: string, samples: Sample[]): string {
  return `${label.padEnd(46)} ${median(samples.map((s) => s.seconds))
    .toFixed(2)
    .padStart(7)} s ${median(samples.map((s) => s.maxRssMb))
    .toFixed(0)
    .padStart(6)} MB`;
}

function main(): void {
  const lines: string[] = [
    `create-privatelink benchmark: medians of ${RUNS} interleaved runs (BENCH_RUNS to change), node ${process.version}`,
    "",
  ];

  // 1. Generator: a non-interactive run, npm install excluded; from a checkout, packing itself into the project too.
  const gen: Sample[] = [];
  const packing: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = join(mkdtempSync(join(tmpdir(), "privatelink-bench-gen-")), "p");
    gen.push(measure(process.execPath, [CLI, dir, "--yes", "--services", TWENTY, "--generator-pin", "registry"], ROOT));
    const packed = join(mkdtempSync(join(tmpdir(), "privatelink-bench-gen-")), "p");
    packing.push(measure(process.execPath, [CLI, packed, "--yes", "--services", TWENTY, "--generator-pin", "tarball"], ROOT));
  }
  lines.push(
    "Generator, 20 services, --yes:",
    row("  create-privatelink (goal: < 0.5 s)", gen),
    row("  the same, --generator-pin tarball (npm pack)", packing),
    "",
  );

  // 1b. The CLI from a checkout whose sources are unchanged since the build: npm start, against the built CLI itself.
  const start: Sample[] = [];
  const direct: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    start.push(measure("npm", ["start", "--silent", "--", "--version"], ROOT));
    direct.push(measure(process.execPath, [CLI, "--version"], ROOT));
  }
  lines.push(
    "The CLI from a checkout, --version, sources unchanged:",
    row("  npm start -- --version (goal: <= 1 s)", start),
    row("  node dist/generator/cli.js --version", direct),
    "",
  );

  // 1c. lint at scale: one security group of 2,000 / 4,000 / 8,000 host rules, and a 30 MB stack (300 groups of 1,000).
  const lintRows: string[] = [];
  for (const [label, groups, perGroup] of [
    ["2,000 rules in one group", 1, 2000],
    ["4,000 rules in one group", 1, 4000],
    ["8,000 rules in one group (goal: <= 1 s)", 1, 8000],
    ["30 MB stack, 300,000 rules (goal: <= 10 s)", 300, 1000],
  ] as const) {
    const file = lintStack(groups, perGroup);
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(measure(process.execPath, [CLI, "lint", file], ROOT, {}, [0, 1]));
    lintRows.push(row(`  ${label}`, samples));
  }
  lines.push("lint (the whole CLI run):", ...lintRows, "");

  // 2. Synth of a 20-service project, as its user runs it: npm run synth, the CLI (npm run cdktf -- synth), and the stock app command.
  const twenty = generate("twenty", ["--services", TWENTY]);
  const stockDir = stockProject(twenty);
  const compiled = compileToJs(twenty);
  const active = join(nodeHome(CURRENT_NODES.active), "bin", "node");
  const onActive = onNode(CURRENT_NODES.active);
  const npmSynthActive: Sample[] = [];
  const cliSynthActive: Sample[] = [];
  const js: Sample[] = [];
  const npmSynth: Sample[] = [];
  const cliSynth: Sample[] = [];
  const ours: Sample[] = [];
  const stock: Sample[] = [];
  const native: Sample[] = [];
  const nativeJs: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    npmSynth.push(measure("npm", ["run", "--silent", "synth"], twenty));
    cliSynth.push(measure("npm", ["run", "--silent", "cdktf", "--", "synth"], twenty));
    ours.push(measure(process.execPath, APP_ARGS, twenty));
    stock.push(measure(join(stockDir, "node_modules", ".bin", "ts-node"), ["main.ts"], stockDir));
    js.push(measure(process.execPath, [compiled], twenty));
    native.push(measure(active, APP_ARGS, twenty));
    npmSynthActive.push(measure("npm", ["run", "--silent", "synth"], twenty, onActive));
    cliSynthActive.push(measure("npm", ["run", "--silent", "cdktf", "--", "synth"], twenty, onActive));
    nativeJs.push(measure(active, ["--disable-warning=DEP0044", compiled], twenty));
  }
  const m = (samples: Sample[]) => median(samples.map((s) => s.seconds));
  lines.push(
    `Synth of a 20-service project, the commands a user types, on Node ${CURRENT_NODES.active}:`,
    row("  npm run synth (no cdktf CLI)", npmSynthActive),
    row("  npm run cdktf -- synth (cdktn-cli)", cliSynthActive),
    `  ratio CLI synth / npm run synth: ${(m(cliSynthActive) / m(npmSynthActive)).toFixed(1)}x (goal: >= 4x)`,
    `The same on ${process.version}:`,
    row("  npm run synth (no cdktf CLI)", npmSynth),
    row("  npm run cdktf -- synth (cdktf-cli)", cliSynth),
    row("  stock: ts-node main.ts, provider root import", stock),
    `  ratio CLI synth / npm run synth: ${(m(cliSynth) / m(npmSynth)).toFixed(1)}x (goal: >= 4x)`,
    `  ratio stock / npm run synth: ${(m(stock) / m(npmSynth)).toFixed(1)}x`,
    "",
  );

  // 3. The app command alone, main.ts as written against the same project compiled to JavaScript first.
  lines.push(
    `Synth of a 20-service project (the app command cdktf synth runs), Node ${CURRENT_NODES.active}: types stripped by Node:`,
    row("  generated: node main.ts", native),
    row("  compiled: tsc, then node main.js", nativeJs),
    `  ratio main.ts/compiled: ${(m(native) / m(nativeJs)).toFixed(2)}x (goal: <= 1.3x)`,
    `The same on ${process.version}, whose types tsx strips (scripts/typescript.mjs):`,
    row("  generated: node main.ts (tsx)", ours),
    row("  compiled: tsc, then node main.js", js),
    row("  stock: ts-node main.ts, provider root import", stock),
    `  ratio main.ts/compiled: ${(m(ours) / m(js)).toFixed(2)}x`,
    `  ratio stock/generated: ${(m(stock) / m(ours)).toFixed(1)}x (goal: >= 10x)`,
    "",
  );

  // 4. Growth with consumer stacks: endpoint-service, provider and N consumer accounts.
  lines.push("endpoint-service, provider + N consumer stacks (generated app command):");
  const perStack: string[] = [];
  const medians: [number, number][] = [];
  for (const n of [25, 50, 100]) {
    const accounts = Array.from({ length: n }, (_, i) => String(200000000000 + i)).join(",");
    const dir = generate(`consumers-${n}`, ["--blueprint", "endpoint-service", "--region", "eu-west-1", "--consumer-accounts", accounts]);
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(measure(process.execPath, APP_ARGS, dir));
    lines.push(row(`  ${n} consumers (${n + 1} stacks)`, samples));
    perStack.push(`${n}: ${((median(samples.map((s) => s.seconds)) * 1000) / (n + 1)).toFixed(0)} ms`);
    medians.push([n, median(samples.map((s) => s.seconds))]);
  }
  const slope = (([n1, t1], [n2, t2]) => ((t2 - t1) * 1000) / (n2 - n1))(medians[0], medians[1]);
  const slope2 = (([n1, t1], [n2, t2]) => ((t2 - t1) * 1000) / (n2 - n1))(medians[1], medians[2]);
  lines.push(
    `  average per stack: ${perStack.join(", ")}; each extra stack: ${slope.toFixed(0)} ms (25→50), ${slope2.toFixed(0)} ms (50→100): a steady increment is linear growth`,
    "",
  );
  lines.push(row("  for comparison, the 20-service project", ours), "");

  // 5. At the sizes the issue names: 500 consumer stacks (endpoint-service@1), and the generator with 1,000 accounts.
  const five = Array.from({ length: 500 }, (_, i) => String(300000000000 + i)).join(",");
  const big = generate("consumers-500", ["--blueprint", "endpoint-service@1", "--region", "eu-west-1", "--consumer-accounts", five]);
  const bigSynth: Sample[] = [];
  const bigSynthActive: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    bigSynth.push(measure(process.execPath, APP_ARGS, big));
    bigSynthActive.push(measure(active, APP_ARGS, big));
  }
  const thousand = Array.from({ length: 1000 }, (_, i) => String(400000000000 + i)).join(",");
  const generator: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = join(mkdtempSync(join(tmpdir(), "privatelink-bench-gen-")), "p");
    const args = ["--blueprint", "endpoint-service@2", "--layout", "provider-only", "--consumer-accounts", thousand];
    generator.push(measure(process.execPath, [CLI, dir, "--yes", "--generator-pin", "registry", ...args], ROOT));
  }
  // The pipeline at 1,000 consumer accounts: one more synth of 1,002 stacks, a bootstrap root per account.
  const answers = join(mkdtempSync(join(tmpdir(), "privatelink-bench-pipeline-")), "answers.json");
  const consumers = Array.from({ length: 1000 }, (_, i) => ({
    account: String(500000000000 + i),
    cidr: `10.${1 + Math.floor(i / 16)}.${(i % 16) * 16}.0/20`,
  }));
  writeFileSync(answers, JSON.stringify({ consumers }));
  const pipeline: Sample[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const dir = join(mkdtempSync(join(tmpdir(), "privatelink-bench-gen-")), "p");
    const args = ["--blueprint", "endpoint-service@3", "--region", "us-east-2", "--answers", answers, "--backend", "s3"];
    const github = ["--backend-bucket", "tf-state", "--provider-role", "arn:aws:iam::999988887777:role/NetworkDeployer"];
    const flags = [...github, "--pipeline", "github", "--github-repository", "example-org/network"];
    pipeline.push(measure(process.execPath, [CLI, dir, "--yes", "--generator-pin", "registry", ...args, ...flags], ROOT));
  }
  lines.push(
    "At scale:",
    row(`  500 consumer stacks, synth, ${process.version} (goal: <= 3 s)`, bigSynth),
    row(`  500 consumer stacks, synth, Node ${CURRENT_NODES.active} (goal: <= 3 s)`, bigSynthActive),
    row("  generator, 1,000 accounts, provider only (goal: <= 1 s)", generator),
    row("  generator --pipeline github, 1,000 consumer accounts: 1,002 stacks, 1,001 bootstrap roots (goal: <= 30 s)", pipeline),
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
