import { get, post } from "../api";
import { countdown } from "../countdown";
import { el } from "../dom";
import { t } from "../i18n/i18n";
import type { LiveFeed } from "../live";
import type { Session } from "../session";
import type { TicketEvent } from "../types";
import { describe } from "./inbox";

interface Claim {
    agent: string;
    acceptBy: string;
    offered?: boolean;
}

/**
 * Offers of push queues to the signed-in agent: a claim of a ticket for this agent on the live feed, which the ticket's
 * events say was offered, shows with a countdown to its acceptBy and accept / decline. The events are read, not the
 * ticket: an agent's read of the ticket would accept it.
 */
export function watchOffers(session: Session, feed: LiveFeed, list: HTMLElement, notice: HTMLElement): () => void {
    const me = encodeURIComponent(session.user);

    async function show(ticketId: string): Promise<void> {
        const events = await get<TicketEvent[]>(session, `/tickets/${ticketId}/events`);
        const claims = events.filter((event) => event.type === "TicketClaimed").map((event) => JSON.parse(event.data) as Claim);
        const claim = claims[claims.length - 1];
        if (!claim?.offered || claim.agent !== session.user || list.querySelector(`[data-offer="${ticketId}"]`)) {
            return;
        }
        const created = events.find((event) => event.type === "TicketCreated");
        const subject = created ? (JSON.parse(created.data) as { subject?: string }).subject : undefined;
        const item = el("li", { class: "offer", "data-offer": ticketId },
            el("strong", {}, t("offer.title")), " ", subject ?? ticketId, " ", countdown(claim.acceptBy),
            el("button", { class: "primary", onclick: () => void answer("accept") }, t("offer.accept")),
            el("button", { onclick: () => void answer("decline") }, t("offer.decline")));
        list.append(item);

        async function answer(choice: "accept" | "decline"): Promise<void> {
            item.remove();
            try {
                await post(session, `/agents/${me}/offers/${ticketId}/${choice}`);
                if (choice === "accept") {
                    location.hash = `#/ticket/${ticketId}`;
                }
            } catch (error) {
                notice.textContent = describe(error);
            }
        }
    }

    return feed.onChange((change) => {
        if (change.eventType === "TicketClaimed" && change.assignee === session.user) {
            void show(change.ticketId).catch((error) => { notice.textContent = describe(error); });
        } else if (change.assignee !== session.user) {
            list.querySelector(`[data-offer="${change.ticketId}"]`)?.remove();
        }
    });
}
