import { EndpointServiceStack } from "../../blueprints/endpoint-service/v1";
import { Testing } from "../../blueprints/lib/cdktf";
import { isInputError } from "../../blueprints/lib/errors";
import { ServiceEndpointsStack } from "../../blueprints/service-endpoints/v2";
import { questionOf } from "../../generator/answers/catalog";
import { resolveAnswers } from "../../generator/answers/resolve";
import { validator } from "../../generator/prompts";

/**
 * Each rule is written once (blueprints/lib) and reached four ways: typed at a
 * prompt, given as a flag, held in an answers file, passed to the construct.
 * The problem it reports (the message after the field name) is the same in all four.
 */

/** The message without its "`field`: " prefix: the fields differ (an answer's key, a prop's path), the rule's words do not. */
const problem = (message: string) => message.replace(/^`[^`]+`: /, "");

function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isInputError(error)) return problem(error.message);
    throw error;
  }
  throw new Error("expected a BlueprintInputError");
}

async function rejected(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isInputError(error)) throw new Error(`expected a BlueprintInputError, got ${String(error)}`);
  return problem(error.message);
}

interface Rule {
  readonly rule: string;
  readonly blueprint: string;
  /** The answer, and the text typed or passed for it. */
  readonly key: string;
  readonly text: string;
  /** As an answers file holds it (JSON), when not the text itself. */
  readonly json?: unknown;
  /** Answers it depends on. */
  readonly with?: Readonly<Record<string, string>>;
  /** Answers the prompt's earlier questions hold (when the flags above would not resolve on their own). */
  readonly known?: Readonly<Record<string, string>>;
  /** The same bad value, given to the construct. */
  readonly construct: () => unknown;
}

const app = () => Testing.app();
const es = (props: Record<string, unknown>, region = "eu-west-1") =>
  new EndpointServiceStack(app(), "p", { region, consumerAccounts: ["111122223333"], ...props });
const se = (props: Record<string, unknown>) =>
  new ServiceEndpointsStack(app(), "s", { region: "eu-west-1", interfaceServices: ["ssm"], ...props });

const RULES: readonly Rule[] = [
  {
    rule: "organization ID",
    blueprint: "service-endpoints@2",
    key: "organizationId",
    text: "org-123",
    construct: () => se({ organizationId: "org-123" }),
  },
  {
    rule: "read-only template",
    blueprint: "service-endpoints@2",
    key: "readOnlyServices",
    text: "kms",
    json: ["kms"],
    with: { services: "ssm,kms" },
    construct: () => se({ interfaceServices: ["ssm", "kms"], readOnlyServices: ["kms"] }),
  },
  {
    rule: "external ID",
    blueprint: "endpoint-service@1",
    key: "externalId",
    text: "a",
    with: { providerRoleArn: "arn:aws:iam::999988887777:role/Net" },
    construct: () => es({ assumeRole: { roleArn: "arn:aws:iam::999988887777:role/Net", externalId: "a" } }),
  },
  {
    rule: "S3 bucket name",
    blueprint: "service-endpoints@2",
    key: "backendBucket",
    text: "Bad_Bucket",
    with: { backend: "s3" },
    known: { backendBucket: "my-state" },
    construct: () => se({ backend: { kind: "s3", bucket: "Bad_Bucket", key: "k/{stack}", region: "eu-west-1" } }),
  },
  {
    rule: "state key",
    blueprint: "service-endpoints@2",
    key: "backendKey",
    text: "/absolute/key",
    with: { backend: "s3", backendBucket: "my-state" },
    construct: () => se({ backend: { kind: "s3", bucket: "my-state", key: "/absolute/key", region: "eu-west-1" } }),
  },
  {
    rule: "port",
    blueprint: "endpoint-service@1",
    key: "listenerPort",
    text: "70000",
    json: 70000,
    construct: () => es({ listener: { protocol: "TCP", port: 70000 } }),
  },
  {
    rule: "SNS topic ARN",
    blueprint: "endpoint-service@1",
    key: "notificationTopicArn",
    text: "arn:aws:sns:us-east-1:111122223333:topic",
    construct: () => es({ notificationTopicArn: "arn:aws:sns:us-east-1:111122223333:topic" }),
  },
  {
    rule: "private DNS name in China",
    blueprint: "endpoint-service@1",
    key: "privateDnsName",
    text: "api.example.com",
    with: { region: "cn-north-1", availabilityZones: "cnn1-az1,cnn1-az2" },
    construct: () =>
      es({ privateDnsName: "api.example.com", vpc: { kind: "new", availabilityZones: ["cnn1-az1", "cnn1-az2"] } }, "cn-north-1"),
  },
  {
    rule: "availability zone of the region",
    blueprint: "service-endpoints@2",
    key: "availabilityZones",
    text: "us-east-1a,us-east-1b",
    json: ["us-east-1a", "us-east-1b"],
    construct: () => se({ vpc: { kind: "new", availabilityZones: ["us-east-1a", "us-east-1b"] } }),
  },
];

describe("one source per rule: the prompt, the flag, the answers file and the construct say the same", () => {
  test.each(RULES.map((r) => [r.rule, r] as const))("%s", async (_rule, r) => {
    const base = { blueprint: r.blueprint, region: "eu-west-1", ...r.with };
    const flag = await rejected(() => resolveAnswers({ flags: { ...base, [r.key]: r.text } }, { yes: true }));
    const file = await rejected(() => resolveAnswers({ flags: base, file: { [r.key]: r.json ?? r.text } }, { yes: true }));
    const known = (await resolveAnswers({ flags: { ...base, ...r.known } }, { yes: true })).answers;
    const typed = validator(questionOf(r.key)!, known)(r.text);
    const construct = thrown(r.construct);
    expect(typeof typed).toBe("string");
    expect({ flag, file, prompt: problem(typed as string) }).toEqual({ flag: construct, file: construct, prompt: construct });
  });
});
