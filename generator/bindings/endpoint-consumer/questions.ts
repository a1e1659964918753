import { regionInfo } from "../../../blueprints/lib/partitions";
import { checkEndpointServiceName, checkSamePartition } from "../../../blueprints/lib/rules";
import type { DualStackAnswers } from "../../answers/dual-stack-questions";
import { toText } from "../../answers/parse";
import { q, regionOf } from "../../answers/question";
import type { CommonAnswers } from "../../answers/types";

/** The answers of an endpoint-consumer project. */
export interface EndpointConsumerAnswers extends CommonAnswers, DualStackAnswers {
  /** The endpoint service the consumers connect to. */
  readonly serviceName: string;
  /** Region of the endpoint service when it is not the consumers'. */
  readonly serviceRegion: string | null;
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  readonly consumerAccounts: readonly string[];
  readonly consumerRoleName: string;
  readonly externalId: string | null;
  readonly listenerPort: number;
  readonly privateDnsName: string | null;
}

export const serviceName = q({
  key: "serviceName",
  flag: "--service-name",
  valueName: "com.amazonaws.vpce.<region>.vpce-svc-…",
  message: "Endpoint service name the consumers connect to",
  prompt: "input",
  defaultValue: () => null as string | null,
  check: (value) => checkEndpointServiceName(toText(value, "serviceName", false), "serviceName"),
});

export const serviceRegion = q({
  key: "serviceRegion",
  flag: "--service-region",
  valueName: "region",
  message: "Region of the endpoint service, when it is not the consumers' (empty: same region)",
  prompt: "input",
  defaultValue: () => null as string | null,
  check: (value, known) => {
    const region = toText(value, "serviceRegion", true);
    if (region === null || region === known.region) return null;
    return checkSamePartition(region, "serviceRegion", regionInfo(regionOf(known)).partition);
  },
});
