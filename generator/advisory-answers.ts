import { zoneNamesAreStable } from "../blueprints/lib/facts/zones";
import { awsService } from "../blueprints/lib/lint/rules-perimeter";

/** What the advisories' `affects` read of a project's recorded answers. */
export type Answers = Readonly<Record<string, unknown>>;
export const SE = "service-endpoints";
export const ES = "endpoint-service";
export const EH = "endpoint-hub";

export const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
/** Answers that are objects (v2's `consumers`). */
export const consumerObjects = (answers: Answers) =>
  Array.isArray(answers.consumers) ? answers.consumers.filter((c) => typeof c === "object" && c !== null) : [];
/** Interface endpoint services the answers ask for. */
export const interfaces = (answers: Answers) => listOf(answers.services);
/**
 * Whether the answers ask for an interface endpoint to AWS service `key`, by catalog key or by its full
 * name (`com.amazonaws.<region>.sts`), which v1 and v2 give the same endpoint policy.
 */
export const hasInterface = (key: string) => (answers: Answers) =>
  interfaces(answers).some((ref) => ref === key || awsService(ref)?.service === key);
/** Zone names (us-east-1a), not IDs (use1-az1), for a new VPC in a region that maps names per account (or is not in the AZ table). */
export const newVpcByZoneName = (answers: Answers) =>
  answers.vpc !== "existing" &&
  listOf(answers.availabilityZones).some((zone) => !/-az\d+$/.test(zone)) &&
  !zoneNamesAreStable(String(answers.region));
