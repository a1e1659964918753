import { ENDPOINT_HUB_V1 } from "../fixtures/endpoint-hub-v1";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("endpoint-hub v1", ENDPOINT_HUB_V1);
