/**
 * PrivateLink facts newer blueprint versions act on, with their sources (read 2026-12-05).
 */

/**
 * The names S3's private DNS answers besides `s3.<region>` and `*.s3.<region>`: access points
 * (`<name>-<account>.s3-accesspoint.<region>.amazonaws.com`) and S3 Control
 * (`<account>.s3-control.<region>.amazonaws.com`). Amazon S3 User Guide, "AWS PrivateLink for Amazon S3",
 * "Private DNS"; a central hub stands in for them with a zone each (endpoint-hub@2).
 */
export const S3_OTHER_PRIVATE_DNS_ZONES: readonly string[] = ["s3-accesspoint", "s3-control"];

/**
 * DynamoDB's account-based endpoints (`<account>.ddb.<region>.amazonaws.com`), the default of the AWS SDKs
 * since 2024 (JavaScript v3 from 3.656): a resolver that answers only `dynamodb.<region>` does not cover them.
 * Amazon DynamoDB Developer Guide, "Account-based endpoints". Not served by a hub here: DynamoDB's interface
 * endpoints take their endpoint-specific names (the blueprints turn its private DNS off).
 */
export const DYNAMODB_ACCOUNT_ENDPOINT = "{account}.ddb.{region}.amazonaws.com";

/**
 * The permission-only IAM action AWS checks when an endpoint service lists supported regions or an
 * endpoint names a `service_region` (cross-region PrivateLink), besides the EC2 actions. AWS PrivateLink
 * Guide, "Cross-Region connectivity", "Permissions".
 */
export const CROSS_REGION_PERMISSION = "vpce:AllowMultiRegion";
