import { findingsOf, gatewayEndpoint, lintResources, policyJson } from "./support";

const everyone = { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };
const ownAccount = { StringEquals: { "aws:PrincipalAccount": ["111122223333"] } };

/** Spellings of "anyone may do anything through this endpoint"; each must be flagged like the plain one. */
const ALLOW_ALL: readonly [string, object][] = [
  ["the plain allow-all", everyone],
  ['"Condition": {} (an empty condition is no condition)', { ...everyone, Condition: {} }],
  ["a condition operator with no keys", { ...everyone, Condition: { StringEquals: {} } }],
  ["NotAction with Allow", { Effect: "Allow", Principal: "*", NotAction: "s3:DeleteBucket", Resource: "*" }],
  ["NotResource with Allow", { Effect: "Allow", Principal: "*", Action: "*", NotResource: "arn:aws:s3:::secret/*" }],
  ['Principal {"AWS": "*"}', { ...everyone, Principal: { AWS: "*" } }],
  ['Principal {"AWS": ["*"]}', { ...everyone, Principal: { AWS: ["*"] } }],
  ["a wildcard-account principal ARN", { ...everyone, Principal: { AWS: "arn:aws:iam::*:root" } }],
  ["NotPrincipal with Allow", { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "*", Resource: "*" }],
  ['Action "*:*"', { ...everyone, Action: "*:*" }],
  ["StringLike aws:PrincipalAccount *", { ...everyone, Condition: { StringLike: { "aws:PrincipalAccount": "*" } } }],
  ["StringLike aws:PrincipalOrgID ?*", { ...everyone, Condition: { StringLike: { "aws:PrincipalOrgID": ["?*"] } } }],
  [
    "ForAnyValue:StringLike aws:PrincipalOrgID **",
    { ...everyone, Condition: { "ForAnyValue:StringLike": { "aws:PrincipalOrgID": "**" } } },
  ],
  ["a match-all value among others", { ...everyone, Condition: { StringLike: { "aws:PrincipalAccount": ["111122223333", "*"] } } }],
  [
    "StringNotEquals on the principal's account",
    { ...everyone, Condition: { StringNotEquals: { "aws:PrincipalAccount": "999999999999" } } },
  ],
  ["a lone Statement object, not a list", everyone],
  // found by an adversarial run (issue "Hostile repositories and heavy inputs", item 9)
  ["every action of the endpoint's own service (dynamodb:* on a DynamoDB endpoint)", { ...everyone, Action: "dynamodb:*" }],
  [
    "StringLike aws:PrincipalAccount ???????????? (every 12-digit account)",
    { ...everyone, Condition: { StringLike: { "aws:PrincipalAccount": "????????????" } } },
  ],
  [
    'Null {"aws:PrincipalAccount": "false"} (true of every signed request)',
    { ...everyone, Condition: { Null: { "aws:PrincipalAccount": "false" } } },
  ],
  [
    "StringNotEquals aws:PrincipalType Anonymous (every authenticated principal)",
    { ...everyone, Condition: { StringNotEquals: { "aws:PrincipalType": "Anonymous" } } },
  ],
  [
    'ArnLike aws:PrincipalArn "arn:aws:iam::*:*" (every account)',
    { ...everyone, Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:*" } } },
  ],
];

/** Policies that do narrow, and must stay clean. */
const NARROW: readonly [string, object][] = [
  ["StringEquals aws:PrincipalAccount", { ...everyone, Condition: ownAccount }],
  ["StringLike aws:PrincipalAccount with a literal", { ...everyone, Condition: { StringLike: { "aws:PrincipalAccount": "1111222233*" } } }],
  ["a match-all pattern AND a narrowing key", { ...everyone, Condition: { ...ownAccount, StringLike: { "aws:PrincipalOrgID": "*" } } }],
  ["named actions", { ...everyone, Action: ["s3:GetObject"] }],
  ["every action of another service (s3:* on a DynamoDB endpoint)", { ...everyone, Action: "s3:*" }],
  [
    "ArnLike aws:PrincipalArn with the account named",
    { ...everyone, Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:*" } } },
  ],
  ['Null {"aws:PrincipalAccount": "true"} (no signed principal)', { ...everyone, Condition: { Null: { "aws:PrincipalAccount": "true" } } }],
  ["Deny with NotAction", { Effect: "Deny", Principal: "*", NotAction: "s3:GetObject", Resource: "*" }],
];

describe("PL_ENDPOINT_POLICY sees allow-all in its variants (through the CLI)", () => {
  test.each(ALLOW_ALL)("GIVEN %s THEN the endpoint is flagged", (name, statement) => {
    const policy = name.startsWith("a lone") ? JSON.stringify({ Statement: statement }) : policyJson(statement);
    const result = lintResources(gatewayEndpoint(policy), "--json");
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual(["PL_ENDPOINT_POLICY aws_vpc_endpoint.e"]);
  });

  test.each(NARROW)("GIVEN %s THEN the endpoint is clean", (_name, statement) => {
    const result = lintResources(gatewayEndpoint(policyJson(statement)), "--json");
    expect(findingsOf(result)).toEqual([]);
    expect(result.code).toBe(0);
  });
});
