// The server's clock as this browser can know it. Each API answer's Date header bounds the offset between the
// server's clock and this one: at some moment between sending (t0) and receiving (t1) the server wrote a date that
// lies at most DateHeaderSpan behind its clock. Over all answers, offset ∈ [max(date - t1), min(date + span - t0)].
// A countdown uses the upper bound: it may show a deadline as nearer than it is, never as further away.

/**
 * How far the Date header can trail the server's clock: whole seconds (1 s), from a value Kestrel refreshes once a
 * second on a background heartbeat (1 s more), which a busy machine delays. With a 1-s span a stale header made a
 * countdown show a deadline further away than it was (a browser test saw "72:00:00 left" for a 72-hour target).
 */
export const DateHeaderSpan = 3000;

export interface OffsetBounds {
    lower: number;
    upper: number;
}

/** The bounds after one more answer; null bounds mean no answer yet. */
export function narrow(bounds: OffsetBounds | null, sentAt: number, receivedAt: number, serverDate: number): OffsetBounds {
    const lower = serverDate - receivedAt;
    const upper = serverDate + DateHeaderSpan - sentAt;
    if (bounds === null || lower > bounds.upper || upper < bounds.lower) {
        // No answer yet, or this clock or the server's jumped: start again from this answer alone.
        return { lower, upper };
    }
    return { lower: Math.max(bounds.lower, lower), upper: Math.min(bounds.upper, upper) };
}

let bounds: OffsetBounds | null = null;

export function observe(sentAt: number, receivedAt: number, dateHeader: string | null): void {
    const serverDate = dateHeader ? Date.parse(dateHeader) : NaN;
    if (!Number.isNaN(serverDate)) {
        bounds = narrow(bounds, sentAt, receivedAt, serverDate);
    }
}

/** The latest the server's clock can read now (this clock's when no answer came yet). */
export function serverNow(): number {
    return Date.now() + (bounds?.upper ?? 0);
}
