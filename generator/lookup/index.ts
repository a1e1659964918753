/**
 * Recorded AWS facts (`--lookup`): ask EC2 once, record the answers in
 * `privatelink.context.json`, and place endpoints from the record, so that
 * synth never calls AWS. `defaultEc2Client` lives in `./client` on purpose:
 * importing this index does not construct a client.
 */
export { LOOKUP_ACTIONS, LOOKUP_FIELD } from "./aws-errors";
export { ageInDays, CONTEXT_FILE, CONTEXT_VERSION, contextFile, isStale, readContext } from "./context-file";
export type { DescribeOptions, Ec2Lookups } from "./describe";
export { type AwsFacts, type ServiceFacts, type ServiceType, serviceFacts, servicesNamed, type ZoneFacts } from "./facts";
export { type LookupOptions, lookupFacts } from "./lookup";
export { type EndpointPlacement, endpointPlacement, type PlacementOptions, placeableZones, resolveZones, type Zoned } from "./placement";
export type { RetryOptions } from "./retry";
