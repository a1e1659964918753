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
 * since 2024 (`AWS_ACCOUNT_ID_ENDPOINT_MODE`, default `preferred`; JavaScript v3 from 3.656, Java 2.28.4,
 * Boto3 1.37.0, Go v2 1.35.0: AWS SDKs and Tools Reference Guide, "Account-based endpoints"): a zone that
 * answers only `dynamodb.<region>` does not cover them; a custom endpoint URL (the interface endpoint's
 * `vpce-…` name) takes precedence over them in the SDKs' endpoint rules. DynamoDB's interface endpoints do
 * not support private DNS, and its guide ("AWS PrivateLink for DynamoDB", considerations) says not to
 * override its names with private hosted zones: service-endpoints turns their private DNS off, and
 * endpoint-hub@2 refuses DynamoDB (spokes use gateway endpoints).
 */
export const DYNAMODB_ACCOUNT_ENDPOINT = "{account}.ddb.{region}.amazonaws.com";

/**
 * The permission-only IAM action AWS checks when an endpoint service lists supported regions or an
 * endpoint names a `service_region` (cross-region PrivateLink), besides the EC2 actions. AWS PrivateLink
 * Guide, "Cross-Region connectivity", "Permissions".
 */
export const CROSS_REGION_PERMISSION = "vpce:AllowMultiRegion";
