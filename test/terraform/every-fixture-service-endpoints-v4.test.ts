import { SERVICE_ENDPOINTS_V4 } from "../fixtures/service-endpoints-v4";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("service-endpoints v4", SERVICE_ENDPOINTS_V4);
