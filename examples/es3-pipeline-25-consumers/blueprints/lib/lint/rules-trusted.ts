import { ownPrincipalsToAnyOwner, someResourceOf } from "./grants.ts";
import type { Rule } from "./model.ts";
import { policiesOf } from "./rules-perimeter.ts";

/** Some object of some bucket: which account owns it, the policy alone does not say. */
const ANY_OBJECT = someResourceOf("s3");

/** Rules on the resource half of a data perimeter. */
export const TRUSTED_RESOURCE_RULES: readonly Rule[] = [
  {
    id: "PL_S3_TRUSTED_RESOURCES",
    title: "S3 endpoints that admit only your principals also admit only your buckets",
    why: "An S3 endpoint policy that admits only your accounts' or organization's principals, but any bucket, lets those principals (or stolen credentials of theirs) copy data out of the VPC into a bucket of any other account: the identity half of a data perimeter without its resource half. AWS's data-perimeter guidance pairs aws:PrincipalOrgID with aws:ResourceOrgID (or s3:ResourceAccount) on the same endpoint.",
    fix: "Require your accounts or organization as the resource owner too (aws:ResourceAccount or aws:ResourceOrgID), keeping reads of the AWS-owned buckets AWS features use: service-endpoints@3 and later (--trusted-resources yes, the default) and endpoint-hub@2 do; `create-privatelink upgrade`. A project that answered --trusted-resources no carries a suppression saying so.",
    check: (doc) =>
      policiesOf(doc, "s3").flatMap((e) => {
        const open = ownPrincipalsToAnyOwner(e.statements, "s3:PutObject", ANY_OBJECT);
        if (open.length === 0) return [];
        const named = open.map((s) => (typeof s.Sid === "string" ? s.Sid : `Statement[${e.statements.indexOf(s)}]`)).join(", ");
        return [
          {
            resource: e.address,
            message: `${named} admits your principals to s3:PutObject on buckets of any account: no condition on aws:ResourceAccount or aws:ResourceOrgID`,
          },
        ];
      }),
  },
];
