import type { Rule } from "./model";
import { ACCEPTANCE_RULES } from "./rules-acceptance";
import { ENDPOINT_RULES } from "./rules-endpoints";
import { SECURITY_GROUP_RULES } from "./rules-network";
import { PERIMETER_RULES } from "./rules-perimeter";
import { POLICY_RULES } from "./rules-policies";
import { ENDPOINT_SERVICE_RULES, LOAD_BALANCER_RULES } from "./rules-services";
import { STACK_RULES } from "./rules-stack";

/** Every rule, in report order. */
export const RULES: readonly Rule[] = [
  ...ENDPOINT_SERVICE_RULES,
  ...ACCEPTANCE_RULES,
  ...SECURITY_GROUP_RULES,
  ...LOAD_BALANCER_RULES,
  ...ENDPOINT_RULES,
  ...PERIMETER_RULES,
  ...POLICY_RULES,
  ...STACK_RULES,
];
