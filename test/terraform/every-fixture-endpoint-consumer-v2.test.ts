import { ENDPOINT_CONSUMER_V2 } from "../fixtures/endpoint-consumer-v2";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("endpoint-consumer v2", ENDPOINT_CONSUMER_V2);
