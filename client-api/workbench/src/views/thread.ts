import { el } from "../dom";
import { t, tOf } from "../i18n/i18n";
import type { Session } from "../session";
import type { MessageView, TicketEvent } from "../types";

interface Attachment {
    attachmentId: string;
    fileName: string;
    contentType: string;
    at: string;
}

const customerAuthor = "customer";

type Entry = { at: string; message: MessageView } | { at: string; attachment: Attachment };

/** The thread in time order: the ticket's messages and the files attached to it (from its events). */
export function threadEntries(messages: MessageView[], events: TicketEvent[]): Entry[] {
    const attachments: Entry[] = events
        .filter((event) => event.type === "AttachmentAdded")
        .map((event) => JSON.parse(event.data) as Attachment)
        .map((attachment) => ({ at: attachment.at, attachment }));
    const entries: Entry[] = [...messages.map((message) => ({ at: message.at, message })), ...attachments];
    return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function renderThread(session: Session, entries: Entry[], customerChannel: string): HTMLElement {
    return el("ol", { class: "thread", "aria-label": t("ticket.thread") }, ...entries.map((entry) =>
        "message" in entry ? messageItem(entry.message, customerChannel) : attachmentItem(session, entry.attachment)));
}

function messageItem(message: MessageView, customerChannel: string): HTMLElement {
    // The ticket names the customer's own messages "customer"; everything else is the shop's side.
    const kind = message.internal ? "internal" : message.author === customerAuthor ? "customer" : "reply";
    return el("li", { class: `message ${kind}` },
        el("div", { class: "meta" },
            el("strong", {}, kind === "customer" ? t("ticket.customer") : message.author),
            kind === "customer" ? el("span", { class: "via" }, tOf("channel", customerChannel)) : null,
            message.internal ? el("span", { class: "badge internal" }, t("ticket.internalNote")) : null,
            message.delivery ? el("span", { class: `badge delivery-${message.delivery.state}` }, tOf("ticket.delivery", message.delivery.state)) : null,
            el("time", { datetime: message.at }, new Date(message.at).toLocaleString())),
        el("p", { class: "body" }, message.body));
}

/** A file, fetched with the bearer token (an img or audio element cannot send one) and shown from its blob. */
function attachmentItem(session: Session, attachment: Attachment): HTMLElement {
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
    return el("li", { class: "message attachment" },
        el("div", { class: "meta" }, el("span", { class: "badge" }, t("ticket.attachment")),
            el("time", { datetime: attachment.at }, new Date(attachment.at).toLocaleString())),
        holder);
}
