import { checkIpv6Cidr, IP_ADDRESS_TYPES, type IpAddressType } from "../../blueprints/lib/dual-stack";
import { BlueprintInputError } from "../../blueprints/lib/errors";
import { toChoice } from "./parse";
import { type Known, type Question, q } from "./question";

/** The dual-stack answers, asked by the versions whose bindings list these questions. */
export interface DualStackAnswers {
  /** `ipv4`, or `dualstack`: IPv6 addresses and AAAA records besides IPv4. @default ipv4 */
  readonly ipAddressType?: IpAddressType;
  /** An existing VPC's IPv6 block (dual-stack only). */
  readonly vpcIpv6Cidr?: string | null;
}

export const isDualStack = (known: Known): boolean => known.ipAddressType === "dualstack";

export const ipAddressType = q({
  key: "ipAddressType",
  flag: "--ip-address-type",
  valueName: "ipv4|dualstack",
  message: "IP address type of the endpoints (dualstack: IPv6 addresses and AAAA records too)",
  prompt: "select",
  defaultValue: () => "ipv4" as IpAddressType,
  check: (value) => toChoice(value, "ipAddressType", IP_ADDRESS_TYPES),
  choices: () => [
    { value: "ipv4", name: "IPv4 only" },
    { value: "dualstack", name: "Dual-stack: IPv4 and IPv6 (new VPCs get an Amazon-provided IPv6 block)" },
  ],
});

export const vpcIpv6Cidr = q({
  key: "vpcIpv6Cidr",
  flag: "--vpc-ipv6-cidr",
  valueName: "ipv6-cidr",
  message: "IPv6 block of the existing VPC (its subnets need IPv6 blocks too), e.g. 2600:1f18:4f2:c100::/56",
  prompt: "input",
  when: (known) => known.vpc === "existing" && isDualStack(known),
  defaultValue: () => null as string | null,
  check: (value) => {
    if (value === null || value === undefined || value === "")
      throw new BlueprintInputError(
        "vpcIpv6Cidr",
        "is missing; a dual-stack project in an existing VPC needs the VPC's IPv6 block (--vpc-ipv6-cidr), e.g. 2600:1f18:4f2:c100::/56",
      );
    return checkIpv6Cidr(value, "vpcIpv6Cidr");
  },
});

/**
 * A version's questions with the dual-stack ones asked after `afterKey` (the VPC's last question): the
 * existing VPC's IPv6 block only where the version can use an existing VPC (it asks `vpc`).
 */
export function withDualStack(questions: readonly Question[], afterKey: string): Question[] {
  const at = questions.findIndex((question) => question.key === afterKey);
  if (at < 0) throw new Error(`no question ${afterKey} to ask the dual-stack questions after`);
  const added = questions.some((question) => question.key === "vpc") ? [ipAddressType, vpcIpv6Cidr] : [ipAddressType];
  return [...questions.slice(0, at + 1), ...added, ...questions.slice(at + 1)];
}

/** The dual-stack props of a stack: nothing for IPv4, so that IPv4 projects' main.ts stay as they were. */
export const ipAddressTypeProp = (answers: DualStackAnswers): { ipAddressType?: IpAddressType } =>
  answers.ipAddressType === "dualstack" ? { ipAddressType: "dualstack" } : {};

/** Props of the dual-stack questions, by the answer that sets them. */
export const DUAL_STACK_PROP_ANSWERS: Readonly<Record<string, string>> = {
  ipAddressType: "ipAddressType",
  "vpc.ipv6Cidr": "vpcIpv6Cidr",
};
