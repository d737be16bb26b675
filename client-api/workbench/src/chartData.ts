import type { HourCount } from "./types";

/** The counts as hours (in order) by series key, with each hour's total. */
export function stackHours(counts: HourCount[]): { hours: string[]; keys: string[]; at: (hour: string, key: string) => number; total: (hour: string) => number } {
    const hours = [...new Set(counts.map((c) => c.hour))].sort();
    const totals = new Map<string, number>();
    counts.forEach((c) => totals.set(c.key, (totals.get(c.key) ?? 0) + c.tickets));
    const keys = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
    const cell = new Map(counts.map((c) => [`${c.hour}|${c.key}`, c.tickets]));
    const at = (hour: string, key: string) => cell.get(`${hour}|${key}`) ?? 0;
    return { hours, keys, at, total: (hour) => keys.reduce((sum, key) => sum + at(hour, key), 0) };
}
