import { el, replace } from "../dom";
import { t } from "../i18n/i18n";
import { beginSignIn, type OidcSettings } from "../oidc";
import { sessionFromToken, type Session } from "../session";

/** What /app/sign-in.json says this server offers. */
interface SignInOptions {
    devIssuer: boolean;
    oidc: OidcSettings | null;
}

const roles = ["agent", "senior-agent", "supervisor", "admin"] as const;

/**
 * Sign-in with the organisation's identity provider (OIDC, authorization code with PKCE) where one is configured, with
 * the development issuer (POST /api/v1/dev/tokens) where Auth:DevIssuer is on, or with a token pasted from elsewhere.
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

    const providerSlot = el("div");
    replace(main, el("div", { class: "sign-in" }, el("h1", {}, t("app.title")), error, providerSlot, devForm, tokenForm));
    user.focus();
    void fetch("sign-in.json").then((response) => (response.ok ? response.json() : null)).then((options: SignInOptions | null) => {
        if (options && !options.devIssuer) {
            devForm.remove();
        }
        if (options?.oidc) {
            const oidc = options.oidc;
            replace(providerSlot, el("section", { class: "card", "aria-labelledby": "oidc-title" },
                el("h2", { id: "oidc-title" }, t("signIn.oidcTitle")),
                el("p", {}, t("signIn.oidcIntro", { authority: oidc.authority })),
                el("button", { id: "oidc-sign-in", class: "primary", onclick: () => void beginSignIn(oidc).catch((e) => { error.textContent = t("error.generic", { detail: String(e) }); }) },
                    t("signIn.oidcSubmit"))));
        }
        main.dataset.loaded = "sign-in";
    });
}

export function field(id: string, label: string, control: HTMLElement): HTMLElement {
    return el("div", { class: "field" }, el("label", { for: id }, label), control);
}

/** A ProblemDetails' first field error, else its detail or title. */
export function problemText(problem: { title?: string; detail?: string; errors?: Record<string, string[]> }): string {
    const first = problem.errors ? Object.entries(problem.errors)[0] : undefined;
    return first ? `${first[0]}: ${first[1][0]}` : problem.detail ?? problem.title ?? "";
}
