import type { LintDocument } from "../../blueprints/lib/lint";
import { lockfileStack } from "./defect-fixtures";

const doc = (json: Record<string, unknown>, file = "cdk.tf.json"): LintDocument => ({ file, json: json as LintDocument["json"] });

/** An interface endpoint that sets private DNS, and (in the same stack) the resource that also manages it. */
export const privateDnsTwice = (privateDns: boolean | undefined): LintDocument =>
  doc({
    resource: {
      aws_vpc_endpoint: {
        e: {
          vpc_endpoint_type: "Interface",
          service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
          subnet_ids: ["subnet-1", "subnet-2"],
          ...(privateDns === undefined ? {} : { private_dns_enabled: privateDns }),
        },
      },
      aws_vpc_endpoint_private_dns: { dns: { vpc_endpoint_id: "${aws_vpc_endpoint.e.id}", private_dns_enabled: true } },
    },
  });

/** An endpoint service in `region` (the provider's) that supports `regions`. */
export const serviceIn = (region: string, regions: readonly string[]): LintDocument =>
  doc({
    provider: { aws: [{ region }] },
    resource: {
      aws_vpc_endpoint_service: {
        s: { acceptance_required: true, network_load_balancer_arns: ["arn"], allowed_principals: [], supported_regions: regions },
      },
    },
  });

/** A subnet of `cidr` holding `endpoints` interface endpoints and an NLB. */
export const subnetHolding = (cidr: string, endpoints: number): LintDocument =>
  doc({
    resource: {
      aws_subnet: { a: { vpc_id: "vpc-1", cidr_block: cidr, availability_zone_id: "euw1-az1" } },
      aws_vpc_endpoint: Object.fromEntries(
        Array.from({ length: endpoints }, (_, i) => [
          `e${i}`,
          { vpc_endpoint_type: "Interface", service_name: `com.amazonaws.eu-west-1.s${i}`, subnet_ids: ["${aws_subnet.a.id}"] },
        ]),
      ),
      aws_lb: { nlb: { load_balancer_type: "network", internal: true, subnets: ["${aws_subnet.a.id}"] } },
    },
  });

/** A read-only ssm endpoint (parameter reads only) next to the SSM Agent's ssmmessages endpoint. */
export const readOnlySsmWithAgent = (actions: readonly string[] = ["ssm:GetParameter", "ssm:GetParameters"]): LintDocument =>
  doc({
    resource: {
      aws_vpc_endpoint: {
        ssm: {
          vpc_endpoint_type: "Interface",
          service_name: "com.amazonaws.eu-west-1.ssm",
          subnet_ids: ["subnet-1", "subnet-2"],
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "AllowOwnPrincipals",
                Effect: "Allow",
                Principal: "*",
                Action: actions,
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalAccount": ["111122223333"] } },
              },
            ],
          }),
        },
        messages: {
          vpc_endpoint_type: "Interface",
          service_name: "com.amazonaws.eu-west-1.ssmmessages",
          subnet_ids: ["subnet-1", "subnet-2"],
        },
      },
    },
  });

/** For each rule of what a first plan cannot show: a minimal document that makes it fire. */
export const SECOND_APPLY_FAILING: Record<string, LintDocument> = {
  PL_ATTRIBUTE_TWO_PLACES: privateDnsTwice(false),
  PL_SUPPORTED_REGIONS_HOME: serviceIn("us-east-1", ["us-west-2"]),
  // a /28 has 11 usable addresses: 11 endpoints and the NLB are 12
  PL_SUBNET_CAPACITY: subnetHolding("10.0.0.0/28", 11),
  PL_SSM_READ_ONLY_AGENT: readOnlySsmWithAgent(),
  // the provider's defaults: association and propagation on
  PL_LOCKFILE_TERRAFORM_VERSION: lockfileStack(),
  PL_TGW_SPOKE_ISOLATION: doc({ resource: { aws_ec2_transit_gateway: { tgw: { description: "hub" } } } }),
};
