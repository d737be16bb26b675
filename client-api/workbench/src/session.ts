// The signed-in caller: the bearer token and what it says, kept in sessionStorage (gone with the tab, never in
// localStorage where other tabs and later visitors would find it).

export interface Session {
    token: string;
    tenant: string;
    user: string;
    roles: string[];
    permissions: string[];
    expiresAt: number;
}

const storageKey = "ticketgrains.workbench.session";

/** Reads the claims of a JWT (not its signature: the server checks that on every call). Null when it is no JWT. */
export function sessionFromToken(token: string): Session | null {
    const parts = token.trim().split(".");
    if (parts.length !== 3) {
        return null;
    }
    try {
        const json = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"));
        const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
        const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);
        if (typeof claims.tenant !== "string" || typeof claims.sub !== "string") {
            return null;
        }
        return {
            token: token.trim(),
            tenant: claims.tenant,
            user: claims.sub,
            roles: list(claims.role),
            permissions: list(claims.perm),
            expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : Number.MAX_SAFE_INTEGER,
        };
    } catch {
        return null;
    }
}

export function savedSession(): Session | null {
    const text = sessionStorage.getItem(storageKey);
    const session = text ? (JSON.parse(text) as Session) : null;
    return session && session.expiresAt > Date.now() ? session : null;
}

export function saveSession(session: Session): void {
    sessionStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
    sessionStorage.removeItem(storageKey);
}

/**
 * Whether the screens for a permission are worth showing. Only a hint for the layout: the server decides every call,
 * and a refusal is shown as it answers.
 */
export function mayUse(session: Session, permission: "reports:export" | "rules:manage" | "pii:read"): boolean {
    return session.permissions.includes(permission) || session.permissions.includes("admin")
        || session.roles.some((role) => role === "supervisor" || role === "admin" || (permission === "pii:read" && role === "senior-agent"));
}
