import { SERVICE_ENDPOINTS_V3 } from "../fixtures/service-endpoints-v3";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("service-endpoints v3", SERVICE_ENDPOINTS_V3);
