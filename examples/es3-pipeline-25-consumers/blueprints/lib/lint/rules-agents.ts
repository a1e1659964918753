import { allowsAction } from "./grants.ts";
import { type Rule, resources } from "./model.ts";
import { awsService, policiesOf } from "./rules-perimeter.ts";

/**
 * What the SSM Agent calls on the `ssm` endpoint to register and keep running (the managed policy
 * AmazonSSMManagedInstanceCore): the calls a read-only `ssm` policy must still let through when the
 * agent's other endpoints (`ssmmessages`, `ec2messages`) are in the same VPC.
 */
const SSM_AGENT_CALLS = [
  "ssm:UpdateInstanceInformation",
  "ssm:ListAssociations",
  "ssm:GetDocument",
  "ssm:UpdateInstanceAssociationStatus",
  "ssm:PutInventory",
];
const AGENT_ENDPOINTS = new Set(["ssmmessages", "ec2messages"]);

/** Rules on what AWS's own agents need from the endpoints they use. */
export const AGENT_RULES: readonly Rule[] = [
  {
    id: "PL_SSM_READ_ONLY_AGENT",
    title: "A read-only ssm endpoint still lets the SSM Agent register",
    why: "With ssmmessages or ec2messages endpoints in the VPC, instances run the SSM Agent, which calls ssm:UpdateInstanceInformation, ListAssociations, GetDocument, UpdateInstanceAssociationStatus and PutInventory through the ssm endpoint. A policy that allows only parameter reads denies them: instances never register, and Session Manager, Run Command and patching stop.",
    fix: "Add the SSM Agent's actions to the ssm endpoint's policy (service-endpoints@4 does; `create-privatelink upgrade`), or leave ssm out of the read-only services.",
    check: (doc) => {
      const agent = resources(doc, "aws_vpc_endpoint").some((r) => AGENT_ENDPOINTS.has(awsService(r.body.service_name)?.service ?? ""));
      if (!agent) return [];
      return policiesOf(doc, "ssm").flatMap((e) => {
        const denied = SSM_AGENT_CALLS.filter((action) => !allowsAction(e.statements, action));
        return denied.length === 0
          ? []
          : [
              {
                resource: e.address,
                message: `allows none of ${denied.join(", ")}, which the SSM Agent calls (its ssmmessages/ec2messages endpoints are here)`,
              },
            ];
      });
    },
  },
];
