import { ENDPOINT_SERVICE_V3 } from "../fixtures/endpoint-service-v3";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("endpoint-service v3", ENDPOINT_SERVICE_V3);
