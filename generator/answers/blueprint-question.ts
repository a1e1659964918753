import { DEFAULT_BLUEPRINT, findBlueprint, latestVersion } from "../registry";
import { toText } from "./parse";
import { q } from "./question";

/** The first question of every run: which blueprint version; its answer picks the questions that follow. */
export const blueprintQuestion = q({
  key: "blueprint",
  flag: "--blueprint",
  valueName: "name[@version]",
  message: "Blueprint",
  prompt: "select",
  defaultValue: () => {
    const latest = latestVersion(DEFAULT_BLUEPRINT).manifest;
    return `${latest.name}@${latest.version}`;
  },
  check: (value) => {
    const entry = findBlueprint(toText(value, "blueprint", false)!);
    return `${entry.manifest.name}@${entry.manifest.version}`;
  },
});
