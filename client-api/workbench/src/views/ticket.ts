import { get, post } from "../api";
import { channelIcon, priorityBadge, statusBadge, vipBadge, vipQueue } from "../channels";
import { countdown } from "../countdown";
import { el, replace } from "../dom";
import { t, tOf } from "../i18n/i18n";
import type { LiveFeed } from "../live";
import type { Session } from "../session";
import type { CustomerContext, Macro, TicketEvent, TicketView } from "../types";
import { customerPanel, maskedCustomer } from "./customer";
import { fieldsSection } from "./fields";
import { describe } from "./inbox";
import { macroPicker } from "./macros";
import { field } from "./signIn";
import { inTimeOrder, renderThread, ticketEntries, type Entry } from "./thread";

/** How many of the customer's other tickets the thread takes in (the newest). */
const otherTicketsShown = 5;

const statuses = ["open", "pending", "on_hold", "solved", "closed"];

/** Highest first, as an agent reads them; the server keeps the list (TicketCatalog.Priorities). */
const priorities = ["urgent", "high", "normal", "low"];

/** A ticket with its events, read together. */
async function readTicket(session: Session, id: string): Promise<[TicketView, TicketEvent[]]> {
    return Promise.all([get<TicketView>(session, `/tickets/${id}`), get<TicketEvent[]>(session, `/tickets/${id}/events`)]);
}

/**
 * One ticket: the customer's whole thread across channels, reply box with macros, properties, proposed fields, clocks
 * and the customer panel; kept current by the live feed.
 */
export function renderTicket(main: HTMLElement, session: Session, feed: LiveFeed, id: string): () => void {
    const notice = el("p", { class: "notice", role: "status", id: "ticket-notice" });
    let shownVersion = -1;
    let own: Entry[] = [];
    let elsewhere: Entry[] = [];
    let wholeStory = true;

    /** Shows the ticket as it is now; false (with the reason in the notice) when it could not be read. */
    async function load(): Promise<boolean> {
        try {
            const [ticket, events] = await readTicket(session, id);
            shownVersion = ticket.version;
            own = ticketEntries(ticket, events, true);
            draw(ticket);
            main.dataset.loaded = "ticket";
            // The customer and their other tickets follow: the ticket is shown without waiting for them.
            const customer = await maskedCustomer(session, ticket.customerId).catch(() => null);
            if (customer && shownVersion === ticket.version) {
                showCustomer(customer, ticket);
                elsewhere = await otherEntries(customer);
                redrawThread();
                main.dataset.story = "loaded";
            }
        } catch (error) {
            notice.textContent = describe(error);
            return false;
        }

        return true;
    }

    /** The customer's other tickets (any channel, merged customers' too), newest first, read whole. */
    async function otherEntries(customer: CustomerContext): Promise<Entry[]> {
        const others = customer.recentTickets.filter((other) => other.id !== id).slice(0, otherTicketsShown);
        const read = await Promise.all(others.map((other) => readTicket(session, other.id).catch(() => null)));
        return read.flatMap((pair) => (pair ? ticketEntries(pair[0], pair[1], false) : []));
    }

    function redrawThread(): void {
        document.getElementById("thread")?.replaceWith(renderThread(session, inTimeOrder(wholeStory ? [...own, ...elsewhere] : own)));
    }

    function showCustomer(customer: CustomerContext, ticket: TicketView): void {
        const badge = document.getElementById("vip-badge");
        if (badge && customer.tier === "vip" && ticket.queue !== vipQueue) {
            badge.replaceChildren(vipBadge());
        }
        document.getElementById("customer-panel")?.replaceChildren(customerPanel(session, customer));
    }

    function draw(ticket: TicketView): void {
        // Every reload (the agent's own action, or the live feed's news of the ticket) draws the view again; what the
        // agent was typing is carried over, or a customer's new message would wipe a half-written reply.
        const draft = document.getElementById("reply") as HTMLTextAreaElement | null;
        const draftInternal = document.getElementById("internal") as HTMLInputElement | null;
        const typing = draft !== null && document.activeElement === draft;
        const reply = el("textarea", { id: "reply", name: "reply", rows: 4, required: true });
        reply.value = draft?.value ?? "";
        const internal = el("input", { id: "internal", type: "checkbox", checked: draftInternal?.checked ?? false });
        let macro: Macro | null = null;
        const form = el("form", { class: "reply", "aria-labelledby": "reply-title" },
            el("h2", { id: "reply-title" }, t("ticket.reply")),
            macroPicker(session, reply, internal, (chosen) => { macro = chosen; }),
            field("reply", t("ticket.replyLabel"), reply),
            el("div", { class: "check" }, internal, el("label", { for: "internal" }, t("ticket.internal"))),
            el("button", { type: "submit", class: "primary" }, t("ticket.send")));
        form.addEventListener("submit", (event) => {
            event.preventDefault();
            // A macro's status goes with its reply: the reply first, so a reply that fails leaves the status as it was.
            const status = macro?.status;
            void act(async () => {
                await post(session, `/tickets/${id}/messages`, { author: session.user, body: reply.value, internal: internal.checked });
                // Sent: the draft is done with, so the reload below starts an empty one. The box of the view that sent
                // it is still in the page unless a reload drew it again meanwhile, which carried the draft over.
                clearDraft();
                if (status && status !== ticket.status) {
                    await post(session, `/tickets/${id}/status`, { status });
                }
            }, t("ticket.sent"));
        });
        const status = el("select", { id: "status-select" }, ...statuses.map((s) => el("option", { value: s, selected: s === ticket.status }, tOf("status", s))));
        const priority = el("select", { id: "priority-select" },
            ...priorities.map((p) => el("option", { value: p, selected: p === ticket.priority }, tOf("priority", p))));

        replace(main,
            el("p", {}, el("a", { href: "#/inbox" }, t("ticket.back"))),
            el("div", { class: "ticket-head" }, channelIcon(ticket.channel), el("h1", {}, ticket.subject || ticket.id),
                priorityBadge(ticket.priority), el("span", { id: "vip-badge" }, ticket.queue === vipQueue ? vipBadge() : null), statusBadge(ticket.status)),
            notice,
            el("div", { class: "ticket-layout" },
                el("section", { class: "conversation", "aria-labelledby": "thread-title" },
                    el("h2", { id: "thread-title" }, t("ticket.thread")),
                    el("div", { class: "check" }, el("input", { id: "whole-story", type: "checkbox", checked: wholeStory,
                        onchange: (event: Event) => { wholeStory = (event.target as HTMLInputElement).checked; redrawThread(); } }),
                        el("label", { for: "whole-story" }, t("ticket.wholeStory"))),
                    renderThread(session, inTimeOrder(wholeStory ? [...own, ...elsewhere] : own)), form),
                el("aside", { class: "side" },
                    el("section", { "aria-labelledby": "props-title" }, el("h2", { id: "props-title" }, t("ticket.properties")),
                        field("status-select", t("ticket.setStatus"), status),
                        el("button", { id: "apply-status", onclick: () => void act(() => post(session, `/tickets/${id}/status`, { status: status.value }), "") }, t("ticket.apply")),
                        field("priority-select", t("ticket.setPriority"), priority),
                        el("button", { id: "apply-priority", "aria-label": t("ticket.applyPriority"),
                            onclick: () => void act(() => post(session, `/tickets/${id}/priority`, { priority: priority.value }), "") }, t("ticket.apply")),
                        el("p", {}, `${t("ticket.assignee")}: `, el("strong", { id: "assignee" }, ticket.assignee ?? "—")),
                        el("button", { onclick: () => void act(() => post(session, `/tickets/${id}/assignee`, { agentId: session.user }), "") }, t("ticket.assignToMe")),
                        el("button", { onclick: () => void act(() => post(session, `/tickets/${id}/assignee`, { agentId: null }), "") }, t("ticket.unassign"))),
                    el("section", { "aria-labelledby": "clocks-title" }, el("h2", { id: "clocks-title" }, t("ticket.clocks")),
                        el("ul", { class: "clocks" }, ...ticket.slaClocks.map((clock) =>
                            el("li", {}, el("span", { class: "metric", title: clock.metric }, tOf("sla.metric", clock.metric)), countdown(clock.dueAt, clock.pausedSince, clock.breachedAt))))),
                    fieldsSection(session, ticket, act),
                    el("div", { id: "customer-panel" }))));
        if (typing) {
            reply.focus();
        }
    }

    function clearDraft(): void {
        const draft = document.getElementById("reply") as HTMLTextAreaElement | null;
        const draftInternal = document.getElementById("internal") as HTMLInputElement | null;
        if (draft) {
            draft.value = "";
        }
        if (draftInternal) {
            draftInternal.checked = false;
        }
    }

    async function act(command: () => Promise<unknown>, done: string): Promise<void> {
        try {
            await command();
            // Said once the screen shows it: before the reload the notice stood beside what it said was done.
            if (await load()) {
                notice.textContent = done;
            }
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
