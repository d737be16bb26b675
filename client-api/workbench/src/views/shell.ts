import { el, replace } from "../dom";
import { language, setLanguage, t, type Language } from "../i18n/i18n";
import { mayUse, type Session } from "../session";
import { presenceControl } from "./presence";

/** The frame around every screen: skip link, title, navigation, live state, language and the signed-in user. */
export function renderShell(root: HTMLElement, session: Session | null, signOut: () => void): { main: HTMLElement } {
    const languages = el("select", { id: "language", "aria-label": t("lang.label"),
        onchange: (event: Event) => setLanguage((event.target as HTMLSelectElement).value as Language) },
        el("option", { value: "zh", lang: "zh-CN", selected: language() === "zh" }, "中文"),
        el("option", { value: "en", lang: "en", selected: language() === "en" }, "English"));
    const live = el("span", { class: "live", role: "status", id: "live-state" });
    const route = location.hash.split("/")[1] ?? "inbox";
    const link = (href: string, key: "nav.inbox" | "nav.supervisor", current: boolean) =>
        el("a", { href, "aria-current": current ? "page" : null }, t(key));
    const nav = session
        ? el("nav", { "aria-label": t("nav.main") },
            link("#/inbox", "nav.inbox", route !== "supervisor"),
            mayUse(session, "rules:manage") ? link("#/supervisor", "nav.supervisor", route === "supervisor") : null)
        : null;
    const user = session
        ? el("span", { class: "user" }, presenceControl(session), el("span", { class: "who" }, t("session.user", { user: session.user, tenant: session.tenant })),
            el("button", { id: "sign-out", onclick: signOut }, t("session.signOut")))
        : null;
    const main = el("main", { id: "main", tabindex: -1 });
    replace(root,
        el("a", { class: "skip", href: "#main", onclick: (event: Event) => { event.preventDefault(); main.focus(); } }, t("app.skip")),
        el("header", { class: "top" }, el("span", { class: "brand" }, "TicketGrains"), nav, el("span", { class: "spacer" }), live, languages, user),
        main);
    return { main };
}
