import { Route53Record } from "@cdktf/provider-aws/lib/route53-record/index.js";
import { Route53VpcAssociationAuthorization } from "@cdktf/provider-aws/lib/route53-vpc-association-authorization/index.js";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone/index.js";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association/index.js";
import type { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
import type { Construct } from "constructs";
import { type PrivateDnsZone, privateDnsZone } from "../../lib/facts/private-dns.ts";
import { S3_OTHER_PRIVATE_DNS_ZONES } from "../../lib/facts/privatelink-names.ts";
import type { ResolvedService } from "../../lib/service-names.ts";
import type { HubSpoke } from "../../lib/spokes.ts";

type Tags = (suffix: string) => Record<string, string>;

/** A service's hosted zone, with the endpoint its records point at. */
export interface ServiceZone {
  /** The zone's key: the service's, or `s3-accesspoint` / `s3-control` for S3's other names. */
  readonly key: string;
  /** The catalog service whose endpoint answers. */
  readonly service: string;
  readonly zone: Route53Zone;
  readonly dns: PrivateDnsZone;
}

const logical = (key: string) => key.replace(/[^A-Za-z0-9-]/g, "-");

/**
 * A private hosted zone per service, named like AWS's private DNS for it
 * (`ssm.<region>.amazonaws.com`) and first associated with the hub VPC, with an
 * alias A record at its apex (and `*.` where clients call names under it, such
 * as S3 buckets) to the endpoint's regional DNS name. Other VPCs are associated
 * by `aws_route53_zone_association`, so the zone ignores changes to its `vpc` blocks.
 */
export function serviceZones(
  scope: Construct,
  services: readonly ResolvedService[],
  endpoints: Record<string, VpcEndpoint>,
  hubVpcId: string,
  region: string,
  tags: Tags,
  dualStack: ReadonlySet<string> = new Set(),
): ServiceZone[] {
  return services
    .filter((s) => !s.custom)
    .flatMap((service) => zonesOf(service.key, region).map(({ key, dns }) => ({ key, service: service.key, dns })))
    .map(({ key, service, dns }) => {
      const id = logical(key);
      const zone = new Route53Zone(scope, `zone-${id}`, {
        name: dns.zoneName,
        comment: `Private DNS of the hub's ${service} interface endpoint, for every associated VPC`,
        vpc: [{ vpcId: hubVpcId }],
        lifecycle: { ignoreChanges: ["vpc"] },
        tags: tags(`${key}-zone`),
      });
      const target = endpoints[service].dnsEntry.get(0);
      for (const [suffix, name] of dns.wildcard
        ? [
            ["apex", dns.zoneName],
            ["wildcard", `*.${dns.zoneName}`],
          ]
        : [["apex", dns.zoneName]]) {
        const alias = { name: target.dnsName, zoneId: target.hostedZoneId, evaluateTargetHealth: false };
        new Route53Record(scope, `zone-${id}-${suffix}`, { zoneId: zone.zoneId, name, type: "A", alias });
        // a dual-stack endpoint's names answer AAAA too: the zone does as well
        if (dualStack.has(service))
          new Route53Record(scope, `zone-${id}-${suffix}-aaaa`, { zoneId: zone.zoneId, name, type: "AAAA", alias });
      }
      return { key, service, zone, dns };
    });
}

/**
 * The zones a service's endpoint answers for: its private DNS name and, for S3, the names S3's own
 * private DNS also covers, access points (`*.s3-accesspoint.<region>`) and S3 Control
 * (`<account>.s3-control.<region>`), which clients reach through the same endpoint.
 */
function zonesOf(key: string, region: string): { key: string; dns: PrivateDnsZone }[] {
  const dns = privateDnsZone(key, region);
  if (key !== "s3") return [{ key, dns }];
  const other = (name: string) => ({ key: name, dns: { zoneName: dns.zoneName.replace(/^s3\./, `${name}.`), wildcard: true } });
  return [{ key, dns }, ...S3_OTHER_PRIVATE_DNS_ZONES.map(other)];
}

/**
 * Spokes of the hub's account: a zone association per service, here. A spoke's
 * own gateway endpoint wins over the hub's interface endpoint for its service
 * (S3, DynamoDB): it is free and needs no transit, so that zone is left out for it. Spokes of
 * other accounts: an association authorization per service, here; the spoke's
 * own stack makes the association with the zone ID read from the authorization,
 * so that it cannot run first. Returns those zone IDs by spoke VPC and service.
 */
export function spokeAssociations(
  scope: Construct,
  zones: readonly ServiceZone[],
  spokes: readonly HubSpoke[],
  hubAccount: string | undefined,
): Record<string, Record<string, string>> {
  const authorized: Record<string, Record<string, string>> = {};
  for (const spoke of spokes) {
    const sameAccount = spoke.account === hubAccount;
    if (!sameAccount) authorized[spoke.vpcId] = {};
    for (const { key, service, zone } of zones) {
      if (spoke.gatewayServices?.includes(service)) continue;
      const id = `${logical(key)}-${spoke.vpcId}`;
      if (sameAccount) {
        new Route53ZoneAssociation(scope, `zone-association-${id}`, { zoneId: zone.zoneId, vpcId: spoke.vpcId });
      } else {
        const authorization = new Route53VpcAssociationAuthorization(scope, `zone-authorization-${id}`, {
          zoneId: zone.zoneId,
          vpcId: spoke.vpcId,
        });
        authorized[spoke.vpcId][key] = authorization.zoneId;
      }
    }
  }
  return authorized;
}
