/** Tags that say which blueprint made a resource; every resource carries them. */
export function blueprintTags(blueprint: string, version: number): Record<string, string> {
  return { ManagedBy: "create-privatelink", Blueprint: `${blueprint}@v${version}` };
}
