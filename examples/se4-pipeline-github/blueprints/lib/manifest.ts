/** The answers a blueprint can ask for; the generator owns their questions. */
export type InputName =
  | "region"
  | "services"
  | "gatewayServices"
  | "vpc"
  | "allowedAccounts"
  | "organizationId"
  | "readOnlyServices"
  | "trustedResources"
  | "onPremisesCidrs"
  | "consumerAccounts"
  | "consumers"
  | "providerRoleArn"
  | "consumerRoleName"
  | "externalId"
  | "listener"
  | "targets"
  | "privateDnsName"
  | "notificationTopicArn"
  | "supportedRegions"
  | "serviceName"
  | "serviceRegion"
  | "layout"
  | "hubAccount"
  | "spokes"
  | "transitGateway"
  | "spokeSharing"
  | "transitRouteTables"
  | "externalAccounts"
  | "spokeRoleName"
  | "resolverInbound"
  | "backend"
  | "tags";

/** What a released blueprint version is and asks for. */
export interface BlueprintManifest {
  /** Blueprint name, e.g. `service-endpoints`. */
  readonly name: string;
  /** Version number; a released version's output never changes. */
  readonly version: number;
  /** One line for `create-privatelink blueprints`. */
  readonly summary: string;
  /** The answers this version uses, in the order they are asked. */
  readonly inputs: readonly InputName[];
}
