export { EndpointConsumer } from "./endpoint-consumer.ts";
export { manifest } from "./manifest.ts";
export * from "./props.ts";
export { EndpointConsumerStack, PrivateDnsStack } from "./stack.ts";
