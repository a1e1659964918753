import { SERVICES, type ServiceGroup } from "../../blueprints/lib/services";
import type { Known } from "../answers/question";
import { PRICES } from "../cost";

/** A service the picker offers: a catalog entry with an interface endpoint. */
export interface PickerItem {
  readonly key: string;
  readonly title: string;
  readonly group: ServiceGroup;
}

/** A row of the filtered list: a group heading, or a service under it. */
export type PickerRow = { readonly heading: ServiceGroup } | { readonly item: PickerItem };

/** A catalog service (interface or gateway) as a picker item, or undefined for a key the catalog does not have. */
export function catalogItem(key: string): PickerItem | undefined {
  const service = SERVICES.find((s) => s.key === key);
  return service && { key: service.key, title: service.title, group: service.group };
}

/** The catalog's interface services, in catalog order (which keeps each group together). */
export function pickerItems(): PickerItem[] {
  return SERVICES.filter((s) => s.types.includes("Interface")).map(({ key, title, group }) => ({ key, title, group }));
}

/**
 * Whether `item` matches the filter, found ignoring case in its key, title or
 * group: `ecr` finds both ECR services, `machine` the whole Machine learning group.
 */
export function matches(item: PickerItem, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return [item.key, item.title, item.group].some((text) => text.toLowerCase().includes(needle));
}

/** The rows shown for `filter`: matching services under the heading of their group; empty groups are left out. */
export function rowsFor(items: readonly PickerItem[], filter: string): PickerRow[] {
  const rows: PickerRow[] = [];
  let group: ServiceGroup | undefined;
  for (const item of items.filter((i) => matches(i, filter))) {
    if (item.group !== group) rows.push({ heading: item.group });
    group = item.group;
    rows.push({ item });
  }
  return rows;
}

/**
 * Availability zones each interface endpoint will be in, from the answers so
 * far: the new VPC's zones, or the distinct zones of an existing VPC's
 * subnets; 2 (the default of a new VPC) when neither is known yet.
 */
export function zonesOf(known: Known): number {
  const zones = Array.isArray(known.availabilityZones) ? (known.availabilityZones as string[]) : [];
  const subnets = Array.isArray(known.subnets) ? (known.subnets as string[]) : [];
  const count = known.vpc === "existing" ? new Set(subnets.map((s) => s.split("@")[1])).size : zones.length;
  return count > 0 ? count : 2;
}

/** The monthly cost of `endpoints` interface endpoints in `zones` zones, as `cost.ts` states it for the summary. */
export function costLine(endpoints: number, zones: number): string {
  const usd = endpoints * zones * PRICES.monthHours * PRICES.interfaceEndpointHour;
  return `${endpoints} selected: ${endpoints} x ${zones} AZ x ${PRICES.monthHours} h x USD ${PRICES.interfaceEndpointHour} = about USD ${usd.toFixed(2)} per month, plus USD ${PRICES.interfaceGb} per GB processed`;
}
