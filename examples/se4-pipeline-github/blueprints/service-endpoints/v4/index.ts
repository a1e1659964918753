export { manifest } from "./manifest.ts";
export * from "./props.ts";
export { ServiceEndpoints } from "./service-endpoints.ts";
export { ServiceEndpointsStack } from "./stack.ts";
