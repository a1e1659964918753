export { BLUEPRINT, EndpointHub, MAX_SG_RULES, VERSION } from "./endpoint-hub.ts";
export { EndpointHubStack } from "./hub-stack.ts";
export { manifest } from "./manifest.ts";
export * from "./props.ts";
export { EndpointHubSpokeStack } from "./spoke-stack.ts";
