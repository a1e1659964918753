import { EC2Client } from "@aws-sdk/client-ec2";

/**
 * The EC2 client `--lookup` uses: the region set, everything else (credentials
 * chain, retries) as the SDK defaults. Kept apart so that tests never make one.
 */
export function defaultEc2Client(region: string): EC2Client {
  return new EC2Client({ region });
}
