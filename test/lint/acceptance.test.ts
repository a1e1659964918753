import { type LintDocument, lint } from "../../blueprints/lib/lint";
import { ENDPOINT_SERVICE_V2 } from "../fixtures/endpoint-service-v2";
import { runCli } from "../support/cli";
import { synthFixture } from "../support/synth";

const RULES = ["PL_ACCEPTER_FOREIGN_ENDPOINT", "PL_ACCEPTER_FOREIGN_SERVICE", "PL_PRIVATE_DNS_BEFORE_ACCEPTANCE"];
const fixture = ENDPOINT_SERVICE_V2.find((f) => f.name === "es2-private-dns")!;
type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };

/** The fixture's stacks as lint documents, after `change` edits a deep copy of their JSON. */
async function documents(change: (stacks: Record<string, Json>) => void = () => {}): Promise<LintDocument[]> {
  const stacks = Object.fromEntries((await synthFixture(fixture)).map((s) => [s.id, structuredClone(s.json) as Json]));
  change(stacks);
  return Object.entries(stacks).map(([file, json]) => ({ file, json: json as LintDocument["json"] }));
}
const fired = (docs: LintDocument[]) =>
  lint(docs)
    .findings.filter((f) => RULES.includes(f.rule))
    .map((f) => `${f.file} ${f.rule}`);
const accepters = (stacks: Record<string, Json>) => Object.values(stacks.acceptance.resource.aws_vpc_endpoint_connection_accepter);

describe("lint: acceptance as code, on endpoint-service v2's own output", () => {
  test("GIVEN the stacks as generated THEN none of the acceptance rules fires", async () => {
    expect(fired(await documents())).toEqual([]);
  });

  test("GIVEN an accepter for a literal endpoint ID (not from a consumer stack) THEN PL_ACCEPTER_FOREIGN_ENDPOINT", async () => {
    const docs = await documents((s) => {
      accepters(s)[0].vpc_endpoint_id = "vpce-0123456789abcdef0";
    });
    expect(fired(docs)).toEqual(["acceptance PL_ACCEPTER_FOREIGN_ENDPOINT"]);
  });

  test("GIVEN an accepter fed by another stack's output that is not an endpoint THEN PL_ACCEPTER_FOREIGN_ENDPOINT", async () => {
    const docs = await documents((s) => {
      accepters(s)[1].vpc_endpoint_id = "${data.terraform_remote_state.x.outputs.cross-stack-output-aws_vpc_endpoint_serviceservice_1id}";
    });
    expect(fired(docs)).toEqual(["acceptance PL_ACCEPTER_FOREIGN_ENDPOINT"]);
  });

  test("GIVEN an accepter for another team's service THEN PL_ACCEPTER_FOREIGN_SERVICE", async () => {
    const docs = await documents((s) => {
      accepters(s)[0].vpc_endpoint_service_id = "vpce-svc-0123456789abcdef0";
    });
    expect(fired(docs)).toEqual(["acceptance PL_ACCEPTER_FOREIGN_SERVICE"]);
  });

  test("GIVEN a consumer endpoint created with private DNS on THEN PL_PRIVATE_DNS_BEFORE_ACCEPTANCE", async () => {
    const docs = await documents((s) => {
      for (const e of Object.values(s["consumer-111122223333"].resource.aws_vpc_endpoint)) e.private_dns_enabled = true;
    });
    expect(fired(docs)).toEqual(["consumer-111122223333 PL_PRIVATE_DNS_BEFORE_ACCEPTANCE"]);
  });

  test("GIVEN private DNS on an endpoint to a literal service name (acceptance unknown) THEN it stays quiet", () => {
    const endpoint = {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
      subnet_ids: ["a", "b"],
      private_dns_enabled: true,
    };
    expect(fired([{ file: "s", json: { resource: { aws_vpc_endpoint: { e: endpoint } } } }])).toEqual([]);
  });

  test("lint --rules documents each rule", () => {
    const { code, stdout } = runCli(["lint", "--rules"]);
    expect(code).toBe(0);
    for (const id of RULES) expect(stdout).toContain(id);
  });
});
