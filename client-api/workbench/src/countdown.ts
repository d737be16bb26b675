import { serverNow } from "./serverClock";
import { formatDuration, slaState, type SlaState } from "./sla";
import { t } from "./i18n/i18n";
import { el } from "./dom";

/** A countdown element; every one in the page is brought up to date each second from the server's clock. */
export function countdown(dueAt: string | null, pausedSince: string | null = null, breachedAt: string | null = null): HTMLElement {
    const element = el("span", { class: "sla", "data-due": dueAt, "data-paused": pausedSince, "data-breached": breachedAt, role: "timer" });
    render(element);
    return element;
}

function render(element: HTMLElement): void {
    const now = serverNow();
    const { due, paused, breached } = element.dataset;
    const state = slaState(due ?? null, now, paused ?? null, breached ?? null);
    element.dataset.state = state;
    element.textContent = slaText(state, due ?? null, now);
}

/** Starts the page's one ticking timer. */
export function startCountdowns(): void {
    setInterval(() => document.querySelectorAll<HTMLElement>(".sla").forEach(render), 1000);
}

/** The countdown's text for a state. */
function slaText(state: SlaState, dueAt: string | null, now: number): string {
    const left = dueAt ? Date.parse(dueAt) - now : 0;
    switch (state) {
        case "none":
            return t("sla.none");
        case "paused":
            return t("sla.paused");
        case "breached":
            return t("sla.breached", { time: formatDuration(-left) });
        case "warning":
            return t("sla.warning", { time: formatDuration(left) });
        default:
            return t("sla.left", { time: formatDuration(left) });
    }
}
