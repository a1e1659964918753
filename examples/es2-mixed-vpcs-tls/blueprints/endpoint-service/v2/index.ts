export { ConsumerEndpoint } from "./consumer";
export { DEFAULT_SSL_POLICY, EndpointService } from "./endpoint-service";
export { manifest } from "./manifest";
export * from "./props";
export { AcceptanceStack, ConsumerStack, EndpointServiceStack, PrivateDnsStack } from "./stacks";
