import type { HourCount } from "./types";

const hourMs = 3_600_000;

/** The start of every hour from one instant to another (as milliseconds since the epoch): the chart's slots. */
export function hourSlots(from: string, to: string): number[] {
    const slots: number[] = [];
    for (let hour = Date.parse(from); hour < Date.parse(to); hour += hourMs) {
        slots.push(hour);
    }
    return slots;
}

/**
 * The counts by hour slot and series key (the biggest series first), each hour's total; an hour without tickets counts
 * zero. Hours are compared as instants, whatever offset the server wrote them with.
 */
export function stackHours(counts: HourCount[]): { keys: string[]; at: (hour: number, key: string) => number; total: (hour: number) => number } {
    const totals = new Map<string, number>();
    counts.forEach((c) => totals.set(c.key, (totals.get(c.key) ?? 0) + c.tickets));
    const keys = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
    const cell = new Map(counts.map((c) => [`${Date.parse(c.hour)}|${c.key}`, c.tickets]));
    const at = (hour: number, key: string) => cell.get(`${hour}|${key}`) ?? 0;
    return { keys, at, total: (hour) => keys.reduce((sum, key) => sum + at(hour, key), 0) };
}
