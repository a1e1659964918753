import { BlueprintInputError } from "./errors.ts";
import { regionInfo } from "./partitions.ts";
import { type EndpointType, findService, SERVICES } from "./services.ts";
import { closest } from "./suggest.ts";
import { clip } from "./validate.ts";

/** A service reference resolved for one region: what an endpoint needs. */
export interface ResolvedService {
  /** Catalog key, or the full name for a custom service. */
  readonly key: string;
  /** Full service name, e.g. `com.amazonaws.eu-west-1.ssm`. */
  readonly serviceName: string;
  /** TCP port of the service. */
  readonly port: number;
  /** Whether private DNS can be enabled on an interface endpoint to it. */
  readonly privateDns: boolean;
  /** Endpoint types the service offers. */
  readonly types: readonly EndpointType[];
  /** True when given as a full service name rather than a catalog key. */
  readonly custom: boolean;
}

const VPCE_SERVICE = /^(cn\.)?com\.amazonaws\.vpce\.([a-z0-9-]+)\.vpce-svc-[0-9a-f]{17}$/;
const AWS_SERVICE = /^(?:(?:cn\.)?com\.amazonaws|aws\.[a-z0-9-]+)\.([a-z]{2}(?:-[a-z]+)+-\d+)\.[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

/** True when `name` has the shape of a full endpoint service name. */
export function isServiceNameFormat(name: string): boolean {
  return VPCE_SERVICE.test(name) || AWS_SERVICE.test(name);
}

/** True when `name` names a PrivateLink endpoint service (`…vpce-svc-…`). */
export function isEndpointServiceName(name: string): boolean {
  return VPCE_SERVICE.test(name);
}

/** The region a full service name is in, or undefined if it has none. */
export function regionOfServiceName(name: string): string | undefined {
  const vpce = VPCE_SERVICE.exec(name);
  if (vpce) return vpce[2];
  return AWS_SERVICE.exec(name)?.[1];
}

/**
 * The service name of catalog service `key` in `region`:
 * `com.amazonaws.<region>.<key>` by default, `cn.com.amazonaws.…` for the
 * interface endpoints of the services AWS lists under that prefix in China,
 * or the service's own pattern.
 */
export function serviceName(key: string, region: string, field = "service", type: EndpointType = "Interface"): string {
  const spec = findService(key);
  if (!spec) throw unknownService(field, key);
  if (!spec.types.includes(type)) {
    const gateways = SERVICES.filter((s) => s.types.includes(type)).map((s) => s.key);
    throw new BlueprintInputError(field, `${key} has no ${type} endpoint; expected one of ${gateways.join(", ")}`);
  }
  const info = regionInfo(region);
  if (spec.namePattern) return spec.namePattern.replace("{region}", region);
  if (info.partition === "aws-cn" && spec.chinaPattern && type === "Interface") return spec.chinaPattern.replace("{region}", region);
  const prefix = info.partition === "aws-cn" && spec.chinaPrefix && type === "Interface" ? "cn.com.amazonaws" : "com.amazonaws";
  return `${prefix}.${region}.${key}`;
}

/**
 * Resolves a catalog key or a full custom service name for `region`.
 * Custom names must have the AWS format and name the same region; custom
 * services are assumed to listen on 443 without private DNS.
 */
export function resolveService(ref: string, region: string, field = "service"): ResolvedService {
  const spec = findService(ref);
  if (spec) {
    return {
      key: ref,
      serviceName: serviceName(ref, region, field),
      port: spec.port,
      privateDns: spec.privateDns,
      types: spec.types,
      custom: false,
    };
  }
  if (!isServiceNameFormat(ref)) throw unknownService(field, ref);
  const named = regionOfServiceName(ref);
  if (named !== region) {
    throw new BlueprintInputError(
      field,
      `service name "${ref}" is in region ${named}, not ${region}; endpoints connect to services of their own region (a cross-region endpoint service belongs in \`serviceRegion\`)`,
    );
  }
  return { key: ref, serviceName: ref, port: 443, privateDns: false, types: ["Interface"], custom: true };
}

/** The endpoint-service name rule's message (checkEndpointServiceName, and a malformed `…vpce-svc…` among services). */
export function notAnEndpointServiceName(field: string, shown: string): BlueprintInputError {
  return new BlueprintInputError(
    field,
    `${shown} is not an endpoint service name; expected com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>`,
  );
}

function unknownService(field: string, value: string): BlueprintInputError {
  // Meant as another team's endpoint service, but malformed: its own rule says what is wrong, not the catalog.
  if (/vpce-svc|^(cn\.)?com\.amazonaws\.vpce\./.test(value)) return notAnEndpointServiceName(field, `"${clip(value)}"`);
  const starts = SERVICES.filter((s) => s.key.startsWith(value) || value.startsWith(s.key)).map((s) => s.key);
  const near = (
    starts.length > 0
      ? starts
      : closest(
          value,
          SERVICES.map((s) => s.key),
        )
  ).slice(0, 3);
  const hint = near.length > 0 ? ` (did you mean ${near.join(", ")}?)` : "";
  return new BlueprintInputError(
    field,
    `"${clip(value)}" is not a service in the catalog${hint}; expected a catalog key such as ssm, ecr.api or s3 (see \`create-privatelink services\`), or a full service name such as com.amazonaws.vpce.<region>.vpce-svc-0123456789abcdef0`,
  );
}
