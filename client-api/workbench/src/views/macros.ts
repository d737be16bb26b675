import { get } from "../api";
import { el } from "../dom";
import { t } from "../i18n/i18n";
import type { Session } from "../session";
import type { Macro } from "../types";

let cached: { tenant: string; macros: Promise<Macro[]> } | null = null;

/**
 * The tenant's macros (GET /api/v1/macros), read once per session and tenant. A failed read shows none this time and
 * is forgotten, so the next ticket opened asks again instead of showing none for the rest of the session.
 */
function macrosOf(session: Session): Promise<Macro[]> {
    if (cached?.tenant !== session.tenant) {
        const entry = {
            tenant: session.tenant,
            macros: get<Macro[]>(session, "/macros").catch(() => {
                if (cached === entry) {
                    cached = null;
                }
                return [];
            }),
        };
        cached = entry;
    }
    return cached.macros;
}

/**
 * A picker of macros and canned replies: choosing one puts its text in the reply box, ticks "internal" as it says and
 * remembers the status the ticket takes when the reply is sent. The agent may still edit the text before sending.
 */
export function macroPicker(session: Session, reply: HTMLTextAreaElement, internal: HTMLInputElement, chosen: (macro: Macro | null) => void): HTMLElement {
    const select = el("select", { id: "macro" }, el("option", { value: "" }, t("macro.none")));
    void macrosOf(session).then((macros) => {
        select.append(...macros.map((macro) => el("option", { value: macro.id }, macro.title)));
        select.addEventListener("change", () => {
            const macro = macros.find((m) => m.id === select.value) ?? null;
            if (macro) {
                reply.value = macro.body;
                internal.checked = macro.internal;
            }
            chosen(macro);
        });
    });
    return el("div", { class: "field" }, el("label", { for: "macro" }, t("macro.label")), select);
}
