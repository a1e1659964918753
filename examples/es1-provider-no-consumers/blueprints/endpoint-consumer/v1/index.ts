export { EndpointConsumer } from "./endpoint-consumer.ts";
export { manifest } from "./manifest.ts";
export * from "./props.ts";
export { EndpointConsumerStack } from "./stack.ts";
