import { REPRESENTATIVES } from "../fixtures";
import { describeTerraform } from "../support/describe-terraform";

/** `npm test`'s sample: one fixture per blueprint version (every fixture: `every-fixture-*`, in the full tier). */
describeTerraform("one fixture per blueprint version", REPRESENTATIVES);
