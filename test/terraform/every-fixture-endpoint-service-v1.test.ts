import { ENDPOINT_SERVICE_V1 } from "../fixtures/endpoint-service-v1";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("endpoint-service v1 and endpoint-consumer v1", ENDPOINT_SERVICE_V1);
