/**
 * The perimeter scenario table and the IAM policy simulator that runs it
 * (@cloud-copilot/iam-simulate, a dev dependency): the proof that an endpoint
 * policy lets through what AWS itself needs and stops what it must. Tests
 * only; nothing a stack synthesizes imports it.
 */
export { checkEndpointPolicies, type PolicyCheck } from "./policy-table.ts";
export { type Scenario, type ScenarioOptions, scenariosFor } from "./scenarios.ts";
export { bindTokens, type Decision, type SimRequest, simulate } from "./simulate.ts";
