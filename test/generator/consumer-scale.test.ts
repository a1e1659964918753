import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tmp } from "../support/cli";

/**
 * endpoint-service@2 at the sizes it is built for: new consumer VPCs get
 * 10.<n>.0.0/16 in order, so 255 consumers at most get a default CIDR; past
 * that the refusal names the limit and how to give CIDRs. A provider-only
 * project creates no consumer VPCs, so 1,000 accounts allocate nothing.
 */
const accounts = (n: number) => Array.from({ length: n }, (_, i) => String(100000000000 + i));

describe("consumer CIDRs at scale", () => {
  it("1,000 consumers in new VPCs without CIDRs: exit 2 naming the 256th, the limit, and how to give CIDRs; nothing written", () => {
    const dir = join(tmp("consumers-1000"), "p");
    const result = runCli([dir, "--yes", "--blueprint", "endpoint-service@2", "--consumer-accounts", accounts(1000).join(",")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`consumers[255].cidr`: is not given");
    expect(result.stderr).toContain("10.1.0.0/16 to 10.255.0.0/16");
    expect(result.stderr).toContain('give consumer 256 and those after it a "cidr"');
    expect(result.stderr).toContain("--layout provider-only");
    // --consumers was never given: the default derived from --consumer-accounts is named as such
    expect(result.stderr).toMatch(/\(the default of --consumers\)\n$/);
    expect(result.stderr).not.toMatch(/10\.256\.0\.0|\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });

  it("1,000 accounts, provider only: nothing allocated past the defaults, and the service allows every account", () => {
    const dir = join(tmp("consumers-provider-only"), "p");
    const list = accounts(1000);
    const result = runCli([
      dir,
      "--yes",
      "--blueprint",
      "endpoint-service@2",
      "--layout",
      "provider-only",
      "--consumer-accounts",
      list.join(","),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const consumers = JSON.parse(readFileSync(join(dir, ".privatelink.json"), "utf8")).consumers as { account: string; cidr?: string }[];
    expect(consumers.map((c) => c.account)).toEqual(list);
    expect(consumers[254]!.cidr).toBe("10.255.0.0/16");
    expect(consumers.slice(255).every((c) => c.cidr === undefined)).toBe(true);
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toContain('accountId: "100000000999"');
  });

  it("past 255, consumers given their own CIDRs in an answers file are generated", () => {
    const parent = tmp("consumers-own-cidrs");
    const list = accounts(260).map((account, i) => (i < 255 ? { account } : { account, cidr: `172.16.${i - 255}.0/24` }));
    writeFileSync(join(parent, "answers.json"), JSON.stringify({ consumers: list }));
    const result = runCli([join(parent, "p"), "--yes", "--blueprint", "endpoint-service@2", "--answers", join(parent, "answers.json")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const consumers = JSON.parse(readFileSync(join(parent, "p", ".privatelink.json"), "utf8")).consumers as { cidr: string }[];
    expect(consumers.map((c) => c.cidr).slice(253)).toEqual([
      "10.254.0.0/16",
      "10.255.0.0/16",
      "172.16.0.0/24",
      "172.16.1.0/24",
      "172.16.2.0/24",
      "172.16.3.0/24",
      "172.16.4.0/24",
    ]);
  }, 120000);
});
