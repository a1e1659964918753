import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, runCli, tmp } from "../support/cli";

/**
 * lint at the sizes it accepts. Its speed is measured by `npm run bench` (8,000 rules,
 * a 30 MB stack); here, what a user sees: the findings of a group of thousands of rules,
 * and Ctrl-C stopping a long run instead of waiting for it to finish.
 */
function stack(groups: number, rulesPerGroup: number): string {
  const dir = tmp("lint-scale");
  const sg: Record<string, unknown> = {};
  let n = 0;
  for (let g = 0; g < groups; g++) {
    const ingress = Array.from({ length: rulesPerGroup }, () => {
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
  mkdirSync(join(dir, "s"));
  writeFileSync(join(dir, "s", "cdk.tf.json"), JSON.stringify({ resource: { aws_security_group: sg } }));
  return join(dir, "s", "cdk.tf.json");
}

describe("lint at scale", () => {
  test("GIVEN one group of 8,000 host rules and the two halves of the internet on another port THEN only that union is reported", () => {
    const file = stack(1, 8000);
    const json = JSON.parse(readFileSync(file, "utf8"));
    json.resource.aws_security_group.g0.ingress.push(
      { description: "a", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["0.0.0.0/1"] },
      { description: "b", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["128.0.0.0/1"] },
    );
    writeFileSync(file, JSON.stringify(json));
    const result = runCli(["lint", file, "--json"]);
    const unions = JSON.parse(result.stdout).findings.filter((f: { message: string }) => /together admit/.test(f.message));
    expect(
      unions.map((f: { rule: string; message: string }) => `${f.rule} ${f.message.replace(/ingress .* together/, "… together")}`),
    ).toEqual([
      "CKV_AWS_24 … together admit port 22 from every IPv4 address (0.0.0.0/1, 128.0.0.0/1)",
      "PL_SG_WORLD_INGRESS … together admit port 22 from every IPv4 address (0.0.0.0/1, 128.0.0.0/1)",
    ]);
  });

  test("GIVEN a run on an 8 MB stack WHEN SIGINT arrives while it works THEN it stops at once, killed by the signal, with no report", async () => {
    const file = stack(80, 1000);
    const child = spawn(process.execPath, [CLI, "lint", file], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    // once the process has started reading (its first output would be the report, at the end)
    setTimeout(() => child.kill("SIGINT"), 400);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
    expect([code, signal, stdout]).toEqual([null, "SIGINT", ""]);
  }, 60000);
});
