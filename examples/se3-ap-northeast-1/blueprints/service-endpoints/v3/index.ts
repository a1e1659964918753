export { manifest } from "./manifest";
export * from "./props";
export { ServiceEndpoints } from "./service-endpoints";
export { ServiceEndpointsStack } from "./stack";
