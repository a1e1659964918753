import { describeGeneratedProjects } from "../support/describe-generated";

describeGeneratedProjects(0);
