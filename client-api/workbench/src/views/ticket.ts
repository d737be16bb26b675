import { get, post } from "../api";
import { channelIcon, priorityBadge, statusBadge, vipBadge, vipQueue } from "../channels";
import { countdown } from "../countdown";
import { el, replace } from "../dom";
import { t, tOf } from "../i18n/i18n";
import type { LiveFeed } from "../live";
import type { Session } from "../session";
import type { CustomerContext, TicketEvent, TicketView } from "../types";
import { describe } from "./inbox";
import { field } from "./signIn";
import { renderThread, threadEntries } from "./thread";

const statuses = ["open", "pending", "on_hold", "solved", "closed"];

/** One ticket: its thread, reply box, properties, clocks and customer; kept current by the live feed. */
export function renderTicket(main: HTMLElement, session: Session, feed: LiveFeed, id: string): () => void {
    const notice = el("p", { class: "notice", role: "status", id: "ticket-notice" });
    let shownVersion = -1;

    async function load(): Promise<void> {
        try {
            const [ticket, events] = await Promise.all([get<TicketView>(session, `/tickets/${id}`), get<TicketEvent[]>(session, `/tickets/${id}/events`)]);
            shownVersion = ticket.version;
            draw(ticket, events);
            main.dataset.loaded = "ticket";
            // The customer panel follows: the ticket is shown without waiting for it.
            const customer = await get<CustomerContext>(session, `/customers/${ticket.customerId}`).catch(() => null);
            if (customer && shownVersion === ticket.version) {
                document.getElementById("customer-panel")?.replaceChildren(customerPanel(customer, ticket.queue));
            }
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    function draw(ticket: TicketView, events: TicketEvent[]): void {
        const reply = el("textarea", { id: "reply", name: "reply", rows: 4, required: true });
        const internal = el("input", { id: "internal", type: "checkbox" });
        const form = el("form", { class: "reply", "aria-labelledby": "reply-title" },
            el("h2", { id: "reply-title" }, t("ticket.reply")),
            field("reply", t("ticket.replyLabel"), reply),
            el("div", { class: "check" }, internal, el("label", { for: "internal" }, t("ticket.internal"))),
            el("button", { type: "submit", class: "primary" }, t("ticket.send")));
        form.addEventListener("submit", (event) => {
            event.preventDefault();
            void act(() => post(session, `/tickets/${id}/messages`, { author: session.user, body: reply.value, internal: internal.checked }), t("ticket.sent"));
        });
        const status = el("select", { id: "status-select" }, ...statuses.map((s) => el("option", { value: s, selected: s === ticket.status }, tOf("status", s))));

        replace(main,
            el("p", {}, el("a", { href: "#/inbox" }, t("ticket.back"))),
            el("div", { class: "ticket-head" }, channelIcon(ticket.channel), el("h1", {}, ticket.subject || ticket.id),
                priorityBadge(ticket.priority), el("span", { id: "vip-badge" }, ticket.queue === vipQueue ? vipBadge() : null), statusBadge(ticket.status)),
            notice,
            el("div", { class: "ticket-layout" },
                el("section", { class: "conversation", "aria-labelledby": "thread-title" },
                    el("h2", { id: "thread-title" }, t("ticket.thread")),
                    renderThread(session, threadEntries(ticket.messages, events), ticket.channel), form),
                el("aside", { class: "side" },
                    el("section", { "aria-labelledby": "props-title" }, el("h2", { id: "props-title" }, t("ticket.properties")),
                        field("status-select", t("ticket.setStatus"), status),
                        el("button", { id: "apply-status", onclick: () => void act(() => post(session, `/tickets/${id}/status`, { status: status.value }), "") }, t("ticket.apply")),
                        el("p", {}, `${t("ticket.assignee")}: `, el("strong", { id: "assignee" }, ticket.assignee ?? "—")),
                        el("button", { onclick: () => void act(() => post(session, `/tickets/${id}/assignee`, { agentId: session.user }), "") }, t("ticket.assignToMe")),
                        el("button", { onclick: () => void act(() => post(session, `/tickets/${id}/assignee`, { agentId: null }), "") }, t("ticket.unassign")),
                        el("p", { class: "hint" }, t("ticket.noPriorityRoute"))),
                    el("section", { "aria-labelledby": "clocks-title" }, el("h2", { id: "clocks-title" }, t("ticket.clocks")),
                        el("ul", { class: "clocks" }, ...ticket.slaClocks.map((clock) =>
                            el("li", {}, el("span", {}, clock.metric), countdown(clock.dueAt, clock.pausedSince, clock.breachedAt))))),
                    el("section", { "aria-labelledby": "fields-title" }, el("h2", { id: "fields-title" }, t("ticket.fields")),
                        el("dl", {}, ...Object.entries(ticket.fields).flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]))),
                    el("div", { id: "customer-panel" }))));
    }

    async function act(command: () => Promise<unknown>, done: string): Promise<void> {
        try {
            await command();
            notice.textContent = done;
            await load();
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    const unsubscribe = feed.onChange((change) => {
        if (change.ticketId === id && change.version > shownVersion) {
            void load();
        }
    });
    void load();
    return unsubscribe;
}

/** The customer across channels; a VIP customer's ticket gets its badge here when its queue did not say so. */
function customerPanel(customer: CustomerContext, queue: string): HTMLElement {
    const badge = document.getElementById("vip-badge");
    if (badge && customer.tier === "vip" && queue !== vipQueue) {
        badge.replaceChildren(vipBadge());
    }
    return el("section", { class: "customer", "aria-labelledby": "customer-title" },
        el("h2", { id: "customer-title" }, t("ticket.customer")),
        el("p", {}, customer.name ?? "", " ", el("span", { class: "badge" }, `${t("customer.tier")}: ${customer.tier}`)),
        el("h3", {}, t("customer.identities")),
        el("ul", {}, ...customer.identities.map((identity) => el("li", {}, channelIcon(identity.channel), " ", identity.externalId))),
        el("h3", {}, t("customer.orders")),
        el("p", {}, customer.ordersMentioned.join(", ") || "—"),
        el("ul", { class: "history" }, ...customer.recentTickets.map((ticket) =>
            el("li", {}, channelIcon(ticket.channel), " ", el("a", { href: `#/ticket/${ticket.id}` }, ticket.subject), " ", statusBadge(ticket.status)))));
}
