import { el, replace } from "../dom";
import { t } from "../i18n/i18n";
import { sessionFromToken, type Session } from "../session";

const roles = ["agent", "senior-agent", "supervisor", "admin"] as const;

/**
 * Sign-in with the development issuer (POST /api/v1/dev/tokens, only where Auth:DevIssuer is on), or with a token the
 * caller has from the identity provider. ADR 0021 describes the OIDC sign-in that replaces the first in production.
 */
export function renderSignIn(main: HTMLElement, signedIn: (session: Session) => void): void {
    const error = el("p", { class: "error", role: "alert", id: "sign-in-error" });
    const tenant = el("input", { id: "tenant", name: "tenant", value: "default", required: true, autocomplete: "organization" });
    const user = el("input", { id: "user", name: "user", value: "", required: true, autocomplete: "username" });
    const role = el("select", { id: "role", name: "role" }, ...roles.map((r) => el("option", { value: r }, t(`role.${r}`))));
    const token = el("textarea", { id: "token", name: "token", rows: 3 });

    const devForm = el("form", { class: "card", "aria-labelledby": "dev-title" },
        el("h2", { id: "dev-title" }, t("signIn.title")),
        el("p", {}, t("signIn.devIntro")),
        field("tenant", t("signIn.tenant"), tenant),
        field("user", t("signIn.user"), user),
        field("role", t("signIn.role"), role),
        el("button", { type: "submit", class: "primary" }, t("signIn.submit")));
    devForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        const response = await fetch("/api/v1/dev/tokens", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ tenant: tenant.value.trim(), subject: user.value.trim(), roles: [role.value], lifetimeMinutes: 600 }),
        });
        if (response.status === 404) {
            error.textContent = t("signIn.noDevIssuer");
            return;
        }
        const body = await response.json();
        if (!response.ok) {
            error.textContent = t("error.generic", { detail: problemText(body) });
            return;
        }
        const session = sessionFromToken(body.token);
        if (session) {
            signedIn(session);
        }
    });

    const tokenForm = el("form", { class: "card", "aria-labelledby": "token-title" },
        el("h2", { id: "token-title" }, t("signIn.tokenTitle")),
        field("token", t("signIn.token"), token),
        el("button", { type: "submit" }, t("signIn.useToken")));
    tokenForm.addEventListener("submit", (event) => {
        event.preventDefault();
        const session = sessionFromToken(token.value);
        if (session) {
            signedIn(session);
        } else {
            error.textContent = t("signIn.badToken");
        }
    });

    replace(main, el("div", { class: "sign-in" }, el("h1", {}, t("app.title")), error, devForm, tokenForm));
    user.focus();
}

export function field(id: string, label: string, control: HTMLElement): HTMLElement {
    return el("div", { class: "field" }, el("label", { for: id }, label), control);
}

/** A ProblemDetails' first field error, else its detail or title. */
export function problemText(problem: { title?: string; detail?: string; errors?: Record<string, string[]> }): string {
    const first = problem.errors ? Object.entries(problem.errors)[0] : undefined;
    return first ? `${first[0]}: ${first[1][0]}` : problem.detail ?? problem.title ?? "";
}
