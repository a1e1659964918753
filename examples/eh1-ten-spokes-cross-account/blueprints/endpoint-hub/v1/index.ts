export { BLUEPRINT, EndpointHub, MAX_SG_RULES, VERSION } from "./endpoint-hub";
export { EndpointHubStack } from "./hub-stack";
export { manifest } from "./manifest";
export * from "./props";
export { EndpointHubSpokeStack } from "./spoke-stack";
