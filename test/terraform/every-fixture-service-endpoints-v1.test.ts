import { SERVICE_ENDPOINTS_V1 } from "../fixtures/service-endpoints-v1";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("service-endpoints v1", SERVICE_ENDPOINTS_V1);
