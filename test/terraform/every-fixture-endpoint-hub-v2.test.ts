import { ENDPOINT_HUB_V2 } from "../fixtures/endpoint-hub-v2";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("endpoint-hub v2", ENDPOINT_HUB_V2);
