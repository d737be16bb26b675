import { get, put } from "../api";
import { el } from "../dom";
import { t, tOf } from "../i18n/i18n";
import type { Session } from "../session";
import type { AgentProfile } from "../types";

const presences = ["online", "away", "offline"];

/** The signed-in agent's presence (PUT /api/v1/agents/{id}/presence): only online agents pull or get offers. */
export function presenceControl(session: Session): HTMLElement {
    const select = el("select", { id: "presence", "aria-label": t("presence.label") },
        ...presences.map((p) => el("option", { value: p }, tOf("presence", p))));
    void get<AgentProfile>(session, `/agents/${encodeURIComponent(session.user)}`)
        .then((agent) => { select.value = agent.presence; })
        .catch(() => { select.disabled = true; });
    select.addEventListener("change", () => {
        void put<AgentProfile>(session, `/agents/${encodeURIComponent(session.user)}/presence`, { presence: select.value })
            .then((agent) => { select.value = agent.presence; });
    });
    return select;
}

/** Starting work in the workbench is going online. */
export async function goOnline(session: Session): Promise<void> {
    await put<AgentProfile>(session, `/agents/${encodeURIComponent(session.user)}/presence`, { presence: "online" }).catch(() => undefined);
}
