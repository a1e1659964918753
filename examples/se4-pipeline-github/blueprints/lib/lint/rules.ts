import type { Rule } from "./model.ts";
import { ACCEPTANCE_RULES } from "./rules-acceptance.ts";
import { AGENT_RULES } from "./rules-agents.ts";
import { ENDPOINT_RULES } from "./rules-endpoints.ts";
import { SECURITY_GROUP_RULES } from "./rules-network.ts";
import { PERIMETER_RULES } from "./rules-perimeter.ts";
import { POLICY_RULES } from "./rules-policies.ts";
import { SECOND_APPLY_RULES, TRANSIT_RULES } from "./rules-second-apply.ts";
import { ENDPOINT_SERVICE_RULES, LOAD_BALANCER_RULES } from "./rules-services.ts";
import { PENDING_RULES, STACK_RULES } from "./rules-stack.ts";
import { TRUSTED_RESOURCE_RULES } from "./rules-trusted.ts";

/** Every rule, in report order. */
export const RULES: readonly Rule[] = [
  ...ENDPOINT_SERVICE_RULES,
  ...ACCEPTANCE_RULES,
  ...SECURITY_GROUP_RULES,
  ...LOAD_BALANCER_RULES,
  ...ENDPOINT_RULES,
  ...PERIMETER_RULES,
  ...TRUSTED_RESOURCE_RULES,
  ...AGENT_RULES,
  ...POLICY_RULES,
  ...STACK_RULES,
  ...PENDING_RULES,
  ...SECOND_APPLY_RULES,
  ...TRANSIT_RULES,
];
