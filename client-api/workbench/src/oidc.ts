// OpenID Connect sign-in for production (ADR 0021, 0027): the authorization code flow with PKCE (RFC 7636) against the
// provider /app/sign-in.json names. The page is a public client: no secret, a fresh code_verifier and state per attempt,
// kept in sessionStorage only until the provider sends the user back.

export interface OidcSettings {
    authority: string;
    clientId: string;
    scope: string;
}

interface Discovery {
    authorization_endpoint: string;
    token_endpoint: string;
}

interface Pending {
    state: string;
    verifier: string;
    tokenEndpoint: string;
    clientId: string;
    redirectUri: string;
}

const pendingKey = "ticketgrains.workbench.oidc";

/** base64url without padding, as PKCE and JWTs write bytes. */
export function base64Url(bytes: Uint8Array): string {
    let text = "";
    bytes.forEach((b) => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A random string of 32 bytes (43 characters): a code_verifier or a state. */
export function randomToken(): string {
    return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code_challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
    return base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

/** The page's own address without query or hash: where the provider sends the user back. */
function redirectUri(): string {
    return `${location.origin}${location.pathname}`;
}

/** Goes to the provider's authorization endpoint; the user comes back to /app/ with ?code=&state=. */
export async function beginSignIn(settings: OidcSettings): Promise<void> {
    const response = await fetch(`${settings.authority}/.well-known/openid-configuration`);
    if (!response.ok) {
        throw new Error(`${settings.authority}: HTTP ${response.status}`);
    }
    const discovery = (await response.json()) as Discovery;
    const pending: Pending = {
        state: randomToken(), verifier: randomToken(), tokenEndpoint: discovery.token_endpoint, clientId: settings.clientId, redirectUri: redirectUri(),
    };
    sessionStorage.setItem(pendingKey, JSON.stringify(pending));
    const query = new URLSearchParams({
        response_type: "code", client_id: settings.clientId, redirect_uri: pending.redirectUri, scope: settings.scope,
        state: pending.state, code_challenge: await codeChallenge(pending.verifier), code_challenge_method: "S256",
    });
    location.assign(`${discovery.authorization_endpoint}?${query}`);
}

/**
 * On the way back from the provider: exchanges the code for an access token, or null when this address is not a
 * return from it. A return whose state is not the one sent is refused (a forged or replayed answer); the query is
 * removed from the address either way, so a reload does not send the code twice.
 */
export async function completeSignIn(): Promise<string | null> {
    const query = new URLSearchParams(location.search);
    const code = query.get("code");
    const error = query.get("error");
    if (!code && !error) {
        return null;
    }
    history.replaceState(null, "", redirectUri() + location.hash);
    const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? "null") as Pending | null;
    sessionStorage.removeItem(pendingKey);
    if (error) {
        throw new Error(query.get("error_description") ?? error);
    }
    if (!pending || query.get("state") !== pending.state) {
        throw new Error("state");
    }
    const response = await fetch(pending.tokenEndpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
            grant_type: "authorization_code", code: code!, redirect_uri: pending.redirectUri, client_id: pending.clientId, code_verifier: pending.verifier,
        }),
    });
    const body = await response.json();
    if (!response.ok || typeof body.access_token !== "string") {
        throw new Error(body.error_description ?? body.error ?? `HTTP ${response.status}`);
    }
    return body.access_token as string;
}
