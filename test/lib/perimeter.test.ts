import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import { Testing } from "../../blueprints/lib/cdktf";
import {
  AWS_OWNED_BUCKETS,
  awsOwnedBuckets,
  ENDPOINT_POLICY_MAX_CHARS,
  type EndpointPolicyInput,
  endpointPolicy,
  type PerimeterKind,
  perimeterKind,
} from "../../blueprints/lib/perimeter";
import { bindTokens, type Scenario, type ScenarioOptions, scenariosFor, simulate } from "../../blueprints/lib/perimeter/table/simulate";
import { type PrincipalScope, policyJson, scopedEndpointPolicy } from "../../blueprints/lib/policies";
import { READ_ONLY_ACTIONS } from "../../blueprints/service-endpoints/v2/policy-templates";

const DEPLOYING_ACCOUNT = "${data.aws_caller_identity.current.account_id}";
/** The literal the deploying account's token stands for in simulations. */
const TOKENS = { [DEPLOYING_ACCOUNT]: "111122223333" };

const REGIONS = ["us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1"];
interface Scope {
  readonly label: string;
  readonly principals: PrincipalScope;
  readonly simulated: Pick<ScenarioOptions, "accounts" | "organizationId">;
}
const SCOPES: readonly Scope[] = [
  {
    label: "listed accounts",
    principals: { accounts: ["111122223333", "444455556666"] },
    simulated: { accounts: ["111122223333", "444455556666"] },
  },
  { label: "an organization", principals: { organizationId: "o-a1b2c3d4e5" }, simulated: { organizationId: "o-a1b2c3d4e5" } },
  { label: "the deploying account (token)", principals: { accounts: [DEPLOYING_ACCOUNT] }, simulated: { accounts: ["111122223333"] } },
];
/** The variants the next blueprint version builds: S3 with trusted resources on, read-only templates, the special kinds. */
const VARIANTS: readonly (Pick<EndpointPolicyInput, "service" | "actions" | "trustedResources"> & { readonly label: string })[] = [
  { label: "s3, trusted resources", service: "s3", trustedResources: true },
  { label: "s3, read-only", service: "s3", actions: READ_ONLY_ACTIONS.s3 },
  { label: "s3, every action", service: "s3" },
  { label: "sts", service: "sts" },
  { label: "execute-api", service: "execute-api" },
  { label: "ssm, read-only", service: "ssm", actions: READ_ONLY_ACTIONS.ssm },
  { label: "secretsmanager, trusted resources", service: "secretsmanager", trustedResources: true },
  { label: "logs", service: "logs" },
];

/** [scenario name, decision] for every scenario, so a failure lists the scenarios that went wrong. */
async function run(policy: string, scenarios: readonly Scenario[]): Promise<[string, string][]> {
  const bound = bindTokens(policy, TOKENS);
  return Promise.all(scenarios.map(async (s) => [s.name, await simulate(bound, s.request)] as [string, string]));
}
const expected = (scenarios: readonly Scenario[]) => scenarios.map((s) => [s.name, s.expected]);

describe.each(REGIONS)("endpoint policies in %s", (region) => {
  describe.each(SCOPES)("for $label", (scope) => {
    test.each(VARIANTS)("$label: every scenario of the table has its expected decision", async (variant) => {
      // GIVEN the policy the builder makes for this endpoint
      const policy = policyJson(endpointPolicy({ ...variant, region, principals: scope.principals }));
      const kind = perimeterKind(variant.service);
      const scenarios = scenariosFor(kind, { region, ...scope.simulated, ...variant });
      // THEN the simulator decides each scenario as the table expects
      expect(scenarios.length).toBeGreaterThanOrEqual(5);
      expect(await run(policy, scenarios)).toEqual(expected(scenarios));
      // AND the policy fits the endpoint policy quota, even before the token is resolved
      expect(policy.length).toBeLessThan(ENDPOINT_POLICY_MAX_CHARS);
    });
  });
});

describe("the policy of v1 and v2 (scopedEndpointPolicy)", () => {
  test("fails the AWS-owned bucket, federation and unsigned API scenarios: the table can fail", async () => {
    const old = (kind: PerimeterKind) => {
      const scenarios = scenariosFor(kind, { region: "eu-west-1", accounts: ["111122223333"] });
      return run(policyJson(scopedEndpointPolicy({ accounts: ["111122223333"] })), scenarios).then((got) =>
        got.filter(([, decision], i) => decision !== scenarios[i].expected).map(([name]) => name),
      );
    };
    const s3 = await old("s3");
    expect(s3).toContain("unsigned read of AWS-owned prod-eu-west-1-starport-layer-bucket");
    expect(s3).toContain("ECR layer read presigned by an AWS-owned account");
    expect(s3).toContain("unsigned read of AWS-owned al2023-repos-eu-west-1-de612dc2");
    expect(await old("sts")).toContain("unsigned sts:AssumeRoleWithWebIdentity into a role of 111122223333");
    expect(await old("execute-api")).toContain("unsigned call to an API of 111122223333");
  });
});

describe("the catalog of AWS-owned buckets", () => {
  test("names, for every bucket, the AWS page it comes from; no bucket twice", () => {
    for (const b of AWS_OWNED_BUCKETS) {
      expect(b.source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(b.source.title.length).toBeGreaterThan(10);
    }
    expect(new Set(AWS_OWNED_BUCKETS.map((b) => b.pattern)).size).toBe(AWS_OWNED_BUCKETS.length);
  });

  test("holds the buckets of issue #10 in every partition, as object ARNs of that partition", () => {
    const names = (region: string, partition: "aws" | "aws-cn" | "aws-us-gov") => awsOwnedBuckets(region, partition).map((b) => b.arn);
    expect(names("eu-west-1", "aws")).toEqual(
      expect.arrayContaining([
        "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*",
        "arn:aws:s3:::amazonlinux.eu-west-1.amazonaws.com/*",
        "arn:aws:s3:::amazonlinux-2-repos-eu-west-1/*",
        "arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*",
        "arn:aws:s3:::eu-west-1-birdwatcher-prod/*",
        "arn:aws:s3:::aws-patchmanager-macos-eu-west-1/*",
      ]),
    );
    expect(names("cn-north-1", "aws-cn")).toContain("arn:aws-cn:s3:::amazon-ssm-cn-north-1/*");
    expect(names("us-gov-west-1", "aws-us-gov")).toContain("arn:aws-us-gov:s3:::amazonlinux.us-gov-west-1.amazonaws.com/*");
  });
});

describe("endpointPolicy", () => {
  test("gives each statement a distinct Sid that says why, and Principal * everywhere", () => {
    const sids = (service: string, extra: Partial<EndpointPolicyInput> = {}) =>
      endpointPolicy({ service, region: "eu-west-1", principals: { accounts: ["111122223333"] }, ...extra }).Statement.map((s) => s.Sid);
    expect(sids("s3")).toEqual(["AllowOwnPrincipals", "AllowAwsServicesActingForYou", "AllowReadsOfAwsOwnedBucketsForAwsFeatures"]);
    expect(sids("s3", { trustedResources: true, actions: ["s3:GetObject"] })[0]).toBe("AllowOwnPrincipalsListedActionsToOwnResources");
    expect(sids("sts")).toEqual(["AllowOwnPrincipals", "AllowFederationIntoOwnRoles"]);
    expect(sids("execute-api")).toEqual(["AllowCallsToOwnApis"]);
    expect(sids("ssm")).toEqual(["AllowOwnPrincipals"]);
    expect(sids("ssm", { awsServicePrincipals: true })).toEqual(["AllowOwnPrincipals", "AllowAwsServicesActingForYou"]);
    for (const service of ["s3", "sts", "execute-api", "ssm"]) {
      const policy = endpointPolicy({ service, region: "eu-west-1", principals: { organizationId: "o-a1b2c3d4e5" } });
      for (const statement of policy.Statement)
        expect([statement.Sid, statement.Principal]).toEqual([expect.stringMatching(/^[A-Za-z]+$/), "*"]);
    }
  });

  test("uses the region's partition in every ARN", () => {
    const text = policyJson(endpointPolicy({ service: "s3", region: "cn-north-1", principals: { accounts: ["111122223333"] } }));
    expect(text).toContain("arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*");
    expect(text).not.toMatch(/arn:aws:/);
    // Host-named buckets end in amazonaws.com; China's names are not documented, so none is guessed.
    expect(text).not.toContain("amazonaws.com");
  });

  test("reads the kind from a full AWS service name too", () => {
    expect(perimeterKind("com.amazonaws.eu-west-1.s3")).toBe("s3");
    expect(perimeterKind("cn.com.amazonaws.cn-north-1.sts")).toBe("sts");
    expect(perimeterKind("com.amazonaws.s3-global.accesspoint")).toBe("default");
  });

  test("takes a CDKTF token for the deploying account, which synthesizes to Terraform's reference", async () => {
    // GIVEN an endpoint whose policy names the account aws_caller_identity reads
    const json = Testing.synthScope((scope) => {
      const me = new DataAwsCallerIdentity(scope, "current");
      const policy = endpointPolicy({ service: "sts", region: "eu-west-1", principals: { accounts: [me.accountId] } });
      new VpcEndpoint(scope, "sts", { vpcId: "vpc-1", serviceName: "com.amazonaws.eu-west-1.sts", policy: policyJson(policy) });
    });
    // THEN the synthesized policy refers to it, and behaves as the table says once it is bound
    const policy = (JSON.parse(json) as { resource: { aws_vpc_endpoint: { sts: { policy: string } } } }).resource.aws_vpc_endpoint.sts
      .policy;
    expect(policy).toContain(DEPLOYING_ACCOUNT);
    const scenarios = scenariosFor("sts", { region: "eu-west-1", accounts: ["111122223333"] });
    expect(await run(policy, scenarios)).toEqual(expected(scenarios));
  });

  test.each([
    [{ service: "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718" }, /`service`/],
    [{ principals: { accounts: [] } }, /`principals.accounts`.*empty/],
    [{ principals: { accounts: ["12345"] } }, /`principals.accounts\[0\]`/],
    [{ principals: { organizationId: "org-1" } }, /`principals.organizationId`/],
    [{ service: "execute-api", actions: ["execute-api:Invoke"] }, /`actions`/],
    [{ actions: ["GetObject"] }, /`actions\[0\]`/],
    [{ region: "mars-north-1" }, /`region`/],
    [{ awsOwnedFeatures: [] }, /`awsOwnedFeatures`/],
  ] as const)("refuses %j, naming the field", (bad, field) => {
    const input = { service: "s3", region: "eu-west-1", principals: { accounts: ["111122223333"] }, ...bad } as EndpointPolicyInput;
    expect(() => endpointPolicy(input)).toThrow(field);
  });

  test("a policy that would pass the quota is refused, naming the accounts", () => {
    const accounts = Array.from({ length: 800 }, (_, i) => String(100000000000 + i));
    expect(() => endpointPolicy({ service: "sts", region: "eu-west-1", principals: { accounts } })).toThrow(
      /`principals.accounts`.*20,480/,
    );
  });
});
