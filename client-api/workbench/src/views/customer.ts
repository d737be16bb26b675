import { get, post } from "../api";
import { channelIcon, statusBadge, vipBadge } from "../channels";
import { el, replace } from "../dom";
import { t } from "../i18n/i18n";
import { mayUse, type Session } from "../session";
import type { CustomerContext } from "../types";
import { describe } from "./inbox";

/**
 * The customer 360 panel: identities on every channel, contact details, orders and history. Personal data is shown
 * masked, also to a caller with pii:read (GET ...?masked=true, which shows nothing and audits nothing); such a caller
 * may reveal it (POST /api/v1/customers/{id}/reveal), which the server audits before it answers.
 */
export function customerPanel(session: Session, customer: CustomerContext): HTMLElement {
    const section = el("section", { class: "customer", id: "customer", "aria-labelledby": "customer-title", "data-customer": customer.id });
    const notice = el("p", { class: "notice", role: "status" });

    function draw(shown: CustomerContext, revealed: boolean): void {
        const reveal = !revealed && mayUse(session, "pii:read")
            ? el("button", { id: "reveal-customer", onclick: () => void doReveal() }, t("customer.reveal"))
            : null;
        const contact = (label: string, value: string | null | undefined, id: string) =>
            value ? [el("dt", {}, label), el("dd", { id }, value)] : [];
        replace(section,
            el("h2", { id: "customer-title" }, t("ticket.customer")),
            el("p", {}, el("strong", { id: "customer-name" }, shown.name ?? "—"), " ",
                shown.tier === "vip" ? vipBadge() : el("span", { class: "badge" }, `${t("customer.tier")}: ${shown.tier}`),
                " ", el("span", { class: `badge ${revealed ? "revealed" : "masked"}`, id: "pii-state" }, revealed ? t("customer.revealed") : t("customer.masked"))),
            reveal, notice,
            el("dl", { class: "contact" }, ...contact(t("customer.phone"), shown.phone, "customer-phone"), ...contact(t("customer.email"), shown.email, "customer-email"),
                ...contact(t("customer.address"), shown.address, "customer-address")),
            el("h3", {}, t("customer.identities")),
            el("ul", { class: "identities" }, ...shown.identities.map((identity) =>
                el("li", { "data-channel": identity.channel }, channelIcon(identity.channel), " ", identity.externalId))),
            el("h3", {}, t("customer.orders")),
            el("p", { id: "customer-orders" }, shown.ordersMentioned.join(", ") || "—"),
            el("h3", {}, t("customer.history")),
            el("ul", { class: "history" }, ...shown.recentTickets.map((ticket) =>
                el("li", {}, channelIcon(ticket.channel), " ", el("a", { href: `#/ticket/${ticket.id}` }, ticket.subject || ticket.id), " ", statusBadge(ticket.status)))));
    }

    async function doReveal(): Promise<void> {
        try {
            draw((await post<CustomerContext>(session, `/customers/${customer.id}/reveal`)).body, true);
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    draw(customer, false);
    return section;
}

/** The customer as the panel first shows it: masked whatever the caller may see. */
export function maskedCustomer(session: Session, customerId: string): Promise<CustomerContext> {
    return get<CustomerContext>(session, `/customers/${customerId}?masked=true`);
}
