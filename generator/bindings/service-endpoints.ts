import { manifest } from "../../blueprints/service-endpoints/v1/manifest";
import type { BlueprintEntry } from "../registry";
import { baseProps, compact, vpcProps } from "./common";

/** service-endpoints v1: one stack with the endpoints of one VPC. */
export const serviceEndpointsV1: BlueprintEntry = {
  manifest,
  dir: "blueprints/service-endpoints/v1",
  load: () => require("../../blueprints/service-endpoints/v1"),
  stacks: (answers) => [
    {
      id: answers.projectName,
      varName: "endpoints",
      className: "ServiceEndpointsStack",
      module: "blueprints/service-endpoints/v1",
      props: compact({
        ...baseProps(answers),
        vpc: vpcProps(answers),
        interfaceServices: answers.services,
        gatewayServices: answers.gatewayServices,
        allowedAccounts: answers.allowedAccounts,
      }),
    },
  ],
};
