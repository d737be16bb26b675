import type { MessageView } from "./types";

/** How the thread shows a message: the customer writing, a machine answering for them, the shop's reply or note. */
export type MessageKind = "internal" | "automatic" | "customer" | "reply";

// The ticket names the customer's own messages "customer"; everything else is the shop's side.
const customerAuthor = "customer";

/**
 * The message's kind. Automatic mail (an out-of-office reply, a mailing list) is stored as the customer's message,
 * but no person wrote it: shown as the customer writing, an agent would answer a vacation responder (ADR 0013).
 */
export function messageKind(message: MessageView): MessageKind {
    if (message.internal) {
        return "internal";
    }
    if (message.automatic) {
        return "automatic";
    }
    return message.author === customerAuthor ? "customer" : "reply";
}

/** Why a reply did not reach the customer (a bounce's status and diagnostic), for the agent to act on; null unless it failed. */
export function failureReason(message: MessageView): string | null {
    return message.delivery?.state === "failed" && message.delivery.reason ? message.delivery.reason : null;
}
