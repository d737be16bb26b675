/** How near a deadline is: a warning inside this window before it. */
export const warningWindowMs = 15 * 60 * 1000;

export type SlaState = "none" | "ok" | "warning" | "breached" | "paused";

/** The state of a deadline at a moment of the server's clock. */
export function slaState(dueAt: string | null, now: number, pausedSince: string | null = null, breachedAt: string | null = null): SlaState {
    if (breachedAt) {
        return "breached";
    }
    if (!dueAt) {
        return "none";
    }
    if (pausedSince) {
        return "paused";
    }
    const left = Date.parse(dueAt) - now;
    return left <= 0 ? "breached" : left <= warningWindowMs ? "warning" : "ok";
}

/** h:mm:ss (hours may pass 24), rounded so that a remaining time is never shown longer than it is. */
export function formatDuration(ms: number): string {
    const seconds = Math.max(0, Math.floor(Math.abs(ms) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const pad = (n: number) => String(n).padStart(2, "0");
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
