import { post } from "../api";
import { el, replace } from "../dom";
import { t, tOf } from "../i18n/i18n";
import type { Session } from "../session";
import type { ProposedField, TicketView } from "../types";
import { field } from "./signIn";

/**
 * The ticket's fields, each with where its value came from (OCR of a screenshot, speech of a voice note, the text), and
 * the values read from the thread that wait for an agent: accept as read, correct and accept, or reject
 * (POST /api/v1/tickets/{id}/proposed-fields/{name}/accept|reject).
 */
export function fieldsSection(session: Session, ticket: TicketView, act: (command: () => Promise<unknown>, done: string) => Promise<void>): HTMLElement {
    const sources = ticket.fieldSources ?? {};
    const proposals = ticket.proposedFields ?? [];
    const path = (proposal: ProposedField, verb: string) => `/tickets/${ticket.id}/proposed-fields/${encodeURIComponent(proposal.name)}/${verb}`;

    function proposalItem(proposal: ProposedField): HTMLElement {
        const id = `proposed-${proposal.name}`;
        const input = el("input", { id, value: proposal.value, autocomplete: "off" });
        const accept = () => act(() => post(session, path(proposal, "accept"), input.value === proposal.value ? undefined : { value: input.value }),
            t("fields.accepted", { name: fieldName(proposal.name) }));
        return el("li", { class: "proposal", "data-field": proposal.name },
            field(id, fieldName(proposal.name), input),
            el("span", { class: `badge source source-${proposal.source}` }, tOf("source", proposal.source)), " ",
            el("span", { class: "confidence" }, t("fields.confidence", { percent: Math.round(proposal.confidence * 100) })),
            el("button", { class: "primary accept", onclick: () => void accept() }, t("fields.accept")),
            el("button", { class: "reject", onclick: () => void act(() => post(session, path(proposal, "reject")), t("fields.rejected", { name: fieldName(proposal.name) })) },
                t("fields.reject")));
    }

    const list = el("dl", { id: "fields" });
    replace(list, ...Object.entries(ticket.fields).flatMap(([name, value]) => [
        el("dt", {}, fieldName(name)),
        el("dd", { "data-field": name }, value, sources[name] ? el("span", { class: `badge source source-${sources[name]}` }, tOf("source", sources[name])) : null)]));
    const none = Object.keys(ticket.fields).length === 0 && proposals.length === 0;
    return el("section", { "aria-labelledby": "fields-title" }, el("h2", { id: "fields-title" }, t("ticket.fields")), list,
        none ? el("p", { class: "hint", id: "fields-empty" }, t("fields.none")) : null,
        proposals.length > 0 ? el("h3", {}, t("fields.proposed")) : null,
        proposals.length > 0 ? el("ul", { class: "proposals", id: "proposals" }, ...proposals.map(proposalItem)) : null);
}

/** A field's name in the interface language (the API's own name when the dictionary has none). */
function fieldName(name: string): string {
    return tOf("field", name);
}
