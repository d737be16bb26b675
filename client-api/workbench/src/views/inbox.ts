import { ApiError, call } from "../api";
import { channelIcon, priorityBadge, statusBadge, vipBadge, vipQueue } from "../channels";
import { countdown } from "../countdown";
import { el, replace } from "../dom";
import { locale, t, tOf } from "../i18n/i18n";
import { filterAndSort, loadInbox, type Filters, type Scope } from "../inboxData";
import type { LiveFeed } from "../live";
import { mayUse, type Session } from "../session";
import { shortTime } from "../shortTime";
import type { TicketListItem, TicketView } from "../types";
import { watchOffers } from "./offers";
import { field, problemText } from "./signIn";

const channels = ["wechat", "wecom", "douyin", "weibo", "email", "web", "app", "phone", "api"];
const priorities = ["urgent", "high", "normal", "low"];
const statuses = ["new", "open", "pending", "on_hold", "solved", "closed"];

/** The agent's inbox; returns a function that ends its live updates. */
export function renderInbox(main: HTMLElement, session: Session, feed: LiveFeed): () => void {
    let scope: Scope = "mine";
    let status = "";
    let items: TicketListItem[] = [];
    const filters: Filters = { channel: "", priority: "", search: "" };
    const notice = el("p", { class: "notice", role: "status", id: "inbox-notice" });
    const body = el("tbody");
    const count = el("span", { class: "count", "aria-live": "polite" });
    const offers = el("ul", { class: "offers", "aria-label": t("inbox.offers"), "aria-live": "assertive" });

    const scopes: [Scope, string][] = [["mine", t("inbox.mine")], ["queues", t("inbox.myQueues")]];
    if (mayUse(session, "reports:export")) {
        scopes.push(["all", t("inbox.all")]);
    }
    const scopeGroup = el("fieldset", { class: "scopes" }, el("legend", {}, t("inbox.scope")),
        ...scopes.map(([value, label]) => el("label", {},
            el("input", { type: "radio", name: "scope", value, checked: value === scope, onchange: () => { scope = value; void reload(); } }), label)));

    const select = (id: string, values: string[], prefix: string, change: (value: string) => void) =>
        el("select", { id, onchange: (event: Event) => change((event.target as HTMLSelectElement).value) },
            el("option", { value: "" }, t("inbox.any")), ...values.map((v) => el("option", { value: v }, tOf(prefix, v))));
    const search = el("input", { id: "search", type: "search", oninput: () => { filters.search = search.value; draw(); } });
    const next = el("button", { class: "primary", id: "next-ticket", "aria-keyshortcuts": "N", title: t("inbox.nextHint"), onclick: () => void takeNext() },
        t("inbox.next"), el("kbd", {}, "N"));

    const table = el("table", { class: "inbox", "aria-label": t("inbox.table") },
        el("thead", {}, el("tr", {}, ...["col.channel", "col.subject", "col.priority", "col.status", "col.queue", "col.assignee", "col.updated", "col.sla"]
            .map((key) => el("th", { scope: "col" }, t(key as Parameters<typeof t>[0]))))),
        body);

    replace(main,
        el("div", { class: "toolbar" }, el("h1", {}, t("inbox.title")), count, next),
        el("div", { class: "filters" }, scopeGroup,
            field("status", t("inbox.status"), select("status", statuses, "status", (v) => { status = v; void reload(); })),
            field("channel", t("inbox.channel"), select("channel", channels, "channel", (v) => { filters.channel = v; draw(); })),
            field("priority", t("inbox.priority"), select("priority", priorities, "priority", (v) => { filters.priority = v; draw(); })),
            field("search", t("inbox.search"), search)),
        notice, offers, table);

    function row(item: TicketListItem): HTMLElement {
        const link = el("a", { href: `#/ticket/${item.id}` }, item.subject || item.id);
        return el("tr", { "data-ticket": item.id },
            el("td", {}, channelIcon(item.channel)),
            el("td", {}, link, item.queue === vipQueue ? vipBadge() : null),
            el("td", {}, priorityBadge(item.priority)),
            el("td", {}, statusBadge(item.status)),
            el("td", {}, item.queue),
            el("td", {}, item.assignee ?? ""),
            el("td", {}, el("time", { class: "updated", datetime: item.updatedAt, title: new Date(item.updatedAt).toLocaleString(locale()) },
                shortTime(new Date(item.updatedAt), new Date(), locale()))),
            el("td", {}, countdown(item.slaDueAt)));
    }

    function draw(): void {
        const shown = filterAndSort(items, filters);
        replace(body, ...shown.map(row));
        count.textContent = t("inbox.count", { count: shown.length });
        notice.textContent = shown.length === 0 ? t("inbox.empty") : "";
    }

    async function reload(): Promise<void> {
        try {
            items = await loadInbox(session, scope, status);
            draw();
            main.dataset.loaded = "inbox";
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    async function takeNext(): Promise<void> {
        try {
            const answer = await call<TicketView>(session, "POST", `/agents/${encodeURIComponent(session.user)}/next?waitSeconds=0`);
            if (answer.status === 204) {
                notice.textContent = t("inbox.noneWaiting");
                return;
            }
            location.hash = `#/ticket/${answer.body.id}`;
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    // A change to a listed ticket updates its row; anything else may add or remove rows, so the list is read again
    // (at most once a second however busy the feed).
    let pending: number | undefined;
    const unsubscribe = feed.onChange((change) => {
        const known = items.find((item) => item.id === change.ticketId);
        if (known && known.queue === change.queue && known.assignee === change.assignee && known.status === change.status
            && known.priority === change.priority) {
            return;
        }
        pending ??= window.setTimeout(() => { pending = undefined; void reload(); }, 1000);
    });
    const shortcut = (event: KeyboardEvent) => {
        const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
        if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.toLowerCase() === "n") {
            event.preventDefault();
            void takeNext();
        }
    };
    document.addEventListener("keydown", shortcut);
    const stopOffers = watchOffers(session, feed, offers, notice);
    void reload();
    return () => {
        unsubscribe();
        stopOffers();
        document.removeEventListener("keydown", shortcut);
        clearTimeout(pending);
    };
}

/** An error as the user reads it: a refusal names the permission, anything else the server's words. */
export function describe(error: unknown): string {
    if (error instanceof ApiError && error.status === 403) {
        return t("error.refused", { permission: error.problem.detail?.match(/[a-z]+:[a-z]+/)?.[0] ?? error.problem.detail ?? "" });
    }
    return t("error.generic", { detail: error instanceof ApiError ? problemText(error.problem) : String(error) });
}
