import { regionInfo } from "../../blueprints/lib/partitions";
import { serviceName } from "../../blueprints/lib/service-names";
import { SERVICES } from "../../blueprints/lib/services";
import { BLUEPRINTS, latestVersion } from "../registry";

/** `create-privatelink blueprints`: every version with its summary. */
export function listBlueprints(): string {
  return BLUEPRINTS.map((b) => {
    const latest = latestVersion(b.manifest.name) === b ? " (latest)" : "";
    return `${`${b.manifest.name}@${b.manifest.version}`.padEnd(24)} ${b.manifest.summary}${latest}`;
  }).join("\n");
}

/** `create-privatelink services`: the catalog, grouped, with names for a region. */
export function listServices(region = "us-east-1"): string {
  regionInfo(region);
  const lines: string[] = [];
  for (const group of [...new Set(SERVICES.map((s) => s.group))]) {
    lines.push(`${group}:`);
    for (const s of SERVICES.filter((x) => x.group === group)) {
      const types = s.types.join("+");
      lines.push(
        `  ${s.key.padEnd(26)} ${s.title.padEnd(42)} ${types.padEnd(17)} ${String(s.port).padEnd(5)} ${serviceName(s.key, region)}`,
      );
    }
  }
  return lines.join("\n");
}
