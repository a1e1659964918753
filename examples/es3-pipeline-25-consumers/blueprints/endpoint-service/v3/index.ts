export { ConsumerEndpoint } from "./consumer.ts";
export { DEFAULT_SSL_POLICY, EndpointService } from "./endpoint-service.ts";
export { manifest } from "./manifest.ts";
export * from "./props.ts";
export { AcceptanceStack, ConsumerStack, EndpointServiceStack, PrivateDnsStack } from "./stacks.ts";
