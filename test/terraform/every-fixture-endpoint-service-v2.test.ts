import { ENDPOINT_SERVICE_V2 } from "../fixtures/endpoint-service-v2";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("endpoint-service v2", ENDPOINT_SERVICE_V2);
