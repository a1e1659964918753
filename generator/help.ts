import { optionHelp } from "./args";
import { BLUEPRINTS } from "./registry";

/** `--help`, built from the question table and the blueprint registry. */
export function helpText(version: string): string {
  const options = optionHelp();
  const width = Math.max(...options.map((o) => o.flag.length)) + 2;
  return [
    `create-privatelink ${version}: scaffold a CDK for Terraform project for AWS PrivateLink`,
    "",
    "Usage:",
    "  create-privatelink [dir] [options]     generate a project (asks what it needs; --yes for defaults)",
    "  create-privatelink blueprints          list blueprints and their versions",
    "  create-privatelink services [--region] list the AWS services the catalog knows",
    "  create-privatelink check [dir]         report drift from the generated files and newer blueprints",
    "  create-privatelink upgrade [dir]       merge a newer blueprint version into a project",
    "  create-privatelink lint [path]         check synthesized Terraform JSON against the security rules",
    "  create-privatelink eject [dir]         write the stacks as plain Terraform into terraform/ (runs the project's synth)",
    "",
    "Blueprints:",
    ...BLUEPRINTS.map((b) => `  ${`${b.manifest.name}@${b.manifest.version}`.padEnd(24)} ${b.manifest.summary}`),
    "",
    "Options:",
    ...options.map((o) => `  ${o.flag.padEnd(width)}${o.help}`),
    "",
    "Precedence: flags, then --answers, then the recorded answers (upgrade), then a prompt (TTY) or the default (--yes).",
    "Exit codes: 0 done; 1 drift, conflicts or findings; 2 bad input (nothing written); 130 interrupted (nothing written).",
    "",
  ].join("\n");
}
