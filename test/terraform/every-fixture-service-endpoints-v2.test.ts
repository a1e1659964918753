import { SERVICE_ENDPOINTS_V2 } from "../fixtures/service-endpoints-v2";
import { describeTerraform } from "../support/describe-terraform";

describeTerraform("service-endpoints v2", SERVICE_ENDPOINTS_V2);
