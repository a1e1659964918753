/** Data-perimeter endpoint policies: the builder and the catalog of AWS-owned buckets it admits. */
export {
  AWS_OWNED_BUCKETS,
  AWS_OWNED_FEATURES,
  type AwsOwnedBucket,
  type AwsOwnedFeature,
  type AwsSource,
  awsOwnedBuckets,
  type ResolvedAwsOwnedBucket,
} from "./aws-owned-buckets.ts";
export {
  ENDPOINT_POLICY_MAX_CHARS,
  type EndpointPolicyDocument,
  type EndpointPolicyInput,
  type EndpointPolicyStatement,
  endpointPolicy,
  type PerimeterKind,
  perimeterKind,
} from "./endpoint-policy.ts";
