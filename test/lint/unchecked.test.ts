import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../support/cli";
import { findingsOf, gatewayEndpoint, lintResources, policyJson } from "./support";

const interfaceEndpoint = (serviceName: string) => ({
  aws_vpc_endpoint: { e: { vpc_endpoint_type: "Interface", service_name: serviceName, subnet_ids: ["a", "b"] } },
});

describe("policies the lint cannot read are reported, not skipped (PL_POLICY_UNCHECKED)", () => {
  test.each([
    ['${jsonencode({Statement = [{Effect = "Allow", Principal = "*", Action = "*", Resource = "*"}]})}'],
    ["${data.aws_iam_policy_document.endpoint.json}"],
    ['{"Version": "2012-10-17", "Statement": ${local.statements}}'],
  ])("GIVEN an endpoint policy %s THEN it is reported as unchecked", (policy) => {
    const result = lintResources(gatewayEndpoint(policy), "--json");
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual(["PL_POLICY_UNCHECKED aws_vpc_endpoint.e"]);
    expect(JSON.parse(result.stdout).findings[0].message).toMatch(/policy is a Terraform expression/);
  });

  test.each([
    ["Action", { Effect: "Allow", Principal: "*", Action: "${var.action}", Resource: "*" }, "Statement[0].Action"],
    ["Principal", { Effect: "Allow", Principal: { AWS: "${var.principal}" }, Action: "*", Resource: "*" }, "Statement[0].Principal"],
    [
      "a StringLike pattern on the caller's account",
      {
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringLike: { "aws:PrincipalAccount": "${var.accounts}" } },
      },
      "Statement[0].Condition.StringLike.aws:PrincipalAccount",
    ],
  ])(
    "GIVEN a literal policy whose %s is an expression THEN it is reported as unchecked, naming the statement",
    (_what, statement, part) => {
      const result = lintResources(gatewayEndpoint(policyJson(statement)), "--json");
      expect(result.code).toBe(1);
      expect(findingsOf(result)).toEqual(["PL_POLICY_UNCHECKED aws_vpc_endpoint.e"]);
      expect(JSON.parse(result.stdout).findings[0].message).toContain(`${part} of the policy is a Terraform expression`);
    },
  );

  test("GIVEN an account ID from a data source in StringEquals THEN the policy is still checked (exact match: it narrows)", () => {
    const statement = {
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalAccount": "${data.aws_caller_identity.current.account_id}" } },
    };
    expect(findingsOf(lintResources(gatewayEndpoint(policyJson(statement)), "--json"))).toEqual([]);
  });

  test("GIVEN a trust policy that is a Terraform expression THEN it is reported as unchecked", () => {
    const result = lintResources({ aws_iam_role: { r: { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" } } }, "--json");
    expect(findingsOf(result)).toEqual(["PL_POLICY_UNCHECKED aws_iam_role.r"]);
  });

  test("--rules documents PL_POLICY_UNCHECKED", () => {
    expect(runCli(["lint", "--rules"]).stdout).toMatch(/^PL_POLICY_UNCHECKED: .+\n {2}why: .+\n {2}fix: .*suppress/m);
  });
});

describe("only endpoint services are exempt from the endpoint policy, and only when the name says so", () => {
  test("GIVEN a literal vpce-svc service name and no policy THEN it is exempt", () => {
    expect(findingsOf(lintResources(interfaceEndpoint("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"), "--json"))).toEqual([]);
  });

  test.each([
    "${aws_vpc_endpoint_service.svc.service_name}",
    "${data.terraform_remote_state.cross-stack-reference-input-provider.outputs.cross-stack-output-aws_vpc_endpoint_serviceservice_E7C408F2service_name}",
  ])("GIVEN a reference the project makes to its own endpoint service (%s) THEN it is exempt", (name) => {
    expect(findingsOf(lintResources(interfaceEndpoint(name), "--json"))).toEqual([]);
  });

  test.each([
    "${data.aws_vpc_endpoint_service.x.service_name}",
    "${var.service_name}",
    "${data.terraform_remote_state.other.outputs.service_name}",
    "com.amazonaws.eu-west-1.s3 # vpce-svc-",
  ])("GIVEN service_name %s and no policy THEN the endpoint is flagged, saying why", (name) => {
    const result = lintResources(interfaceEndpoint(name), "--json");
    expect(findingsOf(result)).toEqual(["PL_ENDPOINT_POLICY aws_vpc_endpoint.e"]);
  });

  test("GIVEN an expression service_name WHEN the endpoint has a narrow policy THEN it is clean", () => {
    const narrow = policyJson({
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalAccount": "111122223333" } },
    });
    const body = { ...interfaceEndpoint("${data.aws_vpc_endpoint_service.x.service_name}").aws_vpc_endpoint.e, policy: narrow };
    expect(findingsOf(lintResources({ aws_vpc_endpoint: { e: body } }, "--json"))).toEqual([]);
  });

  const examples = join(__dirname, "..", "..", "examples");
  test.each(readdirSync(examples).filter((n) => !n.includes(".")))("the CLI finds example %s clean", (name) => {
    const result = runCli(["lint", join(examples, name)]);
    expect(result.stdout).toMatch(/^0 finding\(s\)/m);
    expect(result.code).toBe(0);
  });
});
