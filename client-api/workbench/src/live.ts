import type { Session } from "./session";
import type { TicketChange } from "./types";

type Listener = (change: TicketChange) => void;
type StateListener = (connected: boolean) => void;
/** A surge began or ended: the event's name and the surge it names (sent only to those who may read surges). */
type SurgeListener = (event: "surge.detected" | "surge.ended", surgeId: string) => void;

/**
 * The tenant's live feed (GET /api/v1/events, server-sent events). Read with fetch, since EventSource cannot send the
 * bearer token; after a drop it reconnects with the last event's id as Last-Event-ID, so nothing between is missed.
 */
export class LiveFeed {
    private lastEventId: string | null = null;
    private readonly listeners = new Set<Listener>();
    private readonly stateListeners = new Set<StateListener>();
    private readonly surgeListeners = new Set<SurgeListener>();
    private abort = new AbortController();
    private stopped = false;

    constructor(private readonly session: Session) {}

    onChange(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    onSurge(listener: SurgeListener): () => void {
        this.surgeListeners.add(listener);
        return () => this.surgeListeners.delete(listener);
    }

    onState(listener: StateListener): void {
        this.stateListeners.add(listener);
    }

    start(): void {
        // A connection that lost its network may hang without an error for minutes: drop it at once and resume when the
        // browser is online again.
        window.addEventListener("offline", this.dropOnOffline);
        void this.run();
    }

    private readonly dropOnOffline = () => this.abort.abort();

    stop(): void {
        this.stopped = true;
        window.removeEventListener("offline", this.dropOnOffline);
        this.abort.abort();
    }

    private async run(): Promise<void> {
        let delay = 500;
        while (!this.stopped) {
            try {
                await this.readOnce();
                delay = 500;
            } catch {
                // Dropped or refused: the next attempt resumes after the last event seen.
            }
            this.stateListeners.forEach((listener) => listener(false));
            if (this.stopped) {
                return;
            }
            if (!navigator.onLine) {
                await new Promise((resolve) => window.addEventListener("online", resolve, { once: true }));
            } else {
                await new Promise((resolve) => setTimeout(resolve, delay));
                delay = Math.min(delay * 2, 10_000);
            }
        }
    }

    private async readOnce(): Promise<void> {
        this.abort = new AbortController();
        const headers: Record<string, string> = { Authorization: `Bearer ${this.session.token}`, Accept: "text/event-stream" };
        if (this.lastEventId) {
            headers["Last-Event-ID"] = this.lastEventId;
        }
        const response = await fetch("/api/v1/events", { headers, signal: this.abort.signal });
        if (!response.ok || !response.body) {
            throw new Error(`feed answered ${response.status}`);
        }
        this.stateListeners.forEach((listener) => listener(true));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = "";
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                return;
            }
            pending += value;
            let end: number;
            while ((end = pending.indexOf("\n\n")) >= 0) {
                this.dispatch(pending.slice(0, end));
                pending = pending.slice(end + 2);
            }
        }
    }

    /** One event block: its id is remembered even for comments-with-id (the feed's start) and other event types. */
    private dispatch(block: string): void {
        let event = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "id") {
                this.lastEventId = value;
            } else if (field === "event") {
                event = value;
            } else if (field === "data") {
                data.push(value);
            }
        }
        if (event === "ticket.changed" && data.length > 0) {
            const change = JSON.parse(data.join("\n")) as TicketChange;
            this.listeners.forEach((listener) => listener(change));
        } else if ((event === "surge.detected" || event === "surge.ended") && data.length > 0) {
            const surge = JSON.parse(data.join("\n")) as { surgeId: string };
            this.surgeListeners.forEach((listener) => listener(event, surge.surgeId));
        }
    }
}
