import { channelIcon } from "../channels";
import { el } from "../dom";
import { t, tOf } from "../i18n/i18n";
import { failureReason, messageKind } from "../messageKind";
import type { Session } from "../session";
import type { MessageView, TicketEvent, TicketView } from "../types";

interface Attachment {
    attachmentId: string;
    fileName: string;
    contentType: string;
    at: string;
    transcript?: { text: string; source: string; confidence: number } | null;
}

/** Where an entry comes from: this ticket, or another ticket of the same customer (on its channel). */
interface Origin {
    ticketId: string;
    channel: string;
    subject: string;
    current: boolean;
}

export type Entry = { at: string; origin: Origin } & ({ message: MessageView } | { attachment: Attachment });

/** One ticket's messages and the files attached to it (from its events), each marked with the ticket it is on. */
export function ticketEntries(ticket: TicketView, events: TicketEvent[], current: boolean): Entry[] {
    const origin: Origin = { ticketId: ticket.id, channel: ticket.channel, subject: ticket.subject, current };
    const attachments: Entry[] = events
        .filter((event) => event.type === "AttachmentAdded")
        .map((event) => JSON.parse(event.data) as Attachment)
        .map((attachment) => ({ at: attachment.at, origin, attachment }));
    return [...ticket.messages.map((message) => ({ at: message.at, origin, message })), ...attachments];
}

/** The customer's whole story in time order: entries of several tickets merged (a stable sort keeps each ticket's order). */
export function inTimeOrder(entries: Entry[]): Entry[] {
    return [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function renderThread(session: Session, entries: Entry[]): HTMLElement {
    return el("ol", { class: "thread", id: "thread", "aria-label": t("ticket.thread") }, ...entries.map((entry) =>
        "message" in entry ? messageItem(entry.message, entry.origin) : attachmentItem(session, entry.attachment, entry.origin)));
}

/** The channel the entry came by and, for another ticket's entry, a link to that ticket. */
function originMarks(origin: Origin): HTMLElement[] {
    const marks = [el("span", { class: "via", "data-channel": origin.channel }, channelIcon(origin.channel), " ", tOf("channel", origin.channel))];
    if (!origin.current) {
        marks.push(el("a", { class: "other-ticket", href: `#/ticket/${origin.ticketId}` }, t("ticket.otherTicket", { subject: origin.subject || origin.ticketId })));
    }
    return marks;
}

function messageItem(message: MessageView, origin: Origin): HTMLElement {
    const kind = messageKind(message);
    // An automatic message came from the customer's address, so it keeps the customer's name and channel, and its label.
    const fromCustomer = kind === "customer" || kind === "automatic";
    const reason = failureReason(message);
    return el("li", { class: `message ${kind}${origin.current ? "" : " elsewhere"}`, "data-ticket": origin.ticketId },
        el("div", { class: "meta" },
            el("strong", {}, fromCustomer ? t("ticket.customer") : message.author),
            ...(fromCustomer || !origin.current ? originMarks(origin) : []),
            message.internal ? el("span", { class: "badge internal" }, t("ticket.internalNote")) : null,
            // The label is text, not only the muted style, so a screen reader says it too; the mark says what made it automatic.
            kind === "automatic" ? el("span", { class: "badge automatic", title: message.automatic }, t("ticket.automatic")) : null,
            message.delivery ? el("span", { class: `badge delivery-${message.delivery.state}` }, tOf("ticket.delivery", message.delivery.state)) : null,
            el("time", { datetime: message.at }, new Date(message.at).toLocaleString())),
        el("p", { class: "body" }, message.body),
        reason ? el("p", { class: "delivery-reason" }, t("ticket.deliveryReason", { reason })) : null);
}

/**
 * A file, fetched with the bearer token (an img or audio element cannot send one) and shown from its blob: an image
 * inline, a voice note as a player with its transcript, anything else as a download.
 */
function attachmentItem(session: Session, attachment: Attachment, origin: Origin): HTMLElement {
    const holder = el("div", { class: "file" }, attachment.fileName);
    void fetch(`/api/v1/attachments/${attachment.attachmentId}`, { headers: { Authorization: `Bearer ${session.token}` } })
        .then(async (response) => {
            if (!response.ok) {
                return;
            }
            const url = URL.createObjectURL(await response.blob());
            const type = attachment.contentType;
            holder.replaceChildren(type.startsWith("image/")
                ? el("img", { src: url, alt: attachment.fileName, loading: "lazy" })
                : type.startsWith("audio/")
                    ? el("audio", { src: url, controls: true, "aria-label": attachment.fileName })
                    : el("a", { href: url, download: attachment.fileName }, attachment.fileName));
        });
    const transcript = attachment.transcript;
    return el("li", { class: `message attachment${origin.current ? "" : " elsewhere"}`, "data-ticket": origin.ticketId },
        el("div", { class: "meta" }, el("span", { class: "badge" }, t("ticket.attachment")), ...originMarks(origin),
            el("time", { datetime: attachment.at }, new Date(attachment.at).toLocaleString())),
        holder,
        transcript ? el("p", { class: "transcript" }, el("span", { class: "badge source" }, tOf("source", transcript.source)), " ",
            t("ticket.transcript"), ": ", el("q", {}, transcript.text)) : null);
}
