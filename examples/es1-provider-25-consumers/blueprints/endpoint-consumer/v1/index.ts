export { EndpointConsumer } from "./endpoint-consumer";
export { manifest } from "./manifest";
export * from "./props";
export { EndpointConsumerStack } from "./stack";
