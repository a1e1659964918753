import { describeOnCurrentNode } from "../support/describe-current-node";

describeOnCurrentNode(1);
