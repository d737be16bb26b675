import { onSessionExpired } from "./api";
import { startCountdowns } from "./countdown";
import { onLanguageChange, t } from "./i18n/i18n";
import { LiveFeed } from "./live";
import { completeSignIn } from "./oidc";
import { clearSession, saveSession, savedSession, sessionFromToken, type Session } from "./session";
import { renderInbox } from "./views/inbox";
import { goOnline } from "./views/presence";
import { renderShell } from "./views/shell";
import { renderSignIn } from "./views/signIn";
import { renderSupervisor } from "./views/supervisor";
import { renderTicket } from "./views/ticket";

const root = document.getElementById("app")!;
let session = savedSession();
let feed: LiveFeed | null = null;
let leave: () => void = () => undefined;

let connected: boolean | null = null;

/** Shows the feed's state in the header (drawn again with every screen). */
function showLive(): void {
    const state = document.getElementById("live-state");
    if (state && connected !== null) {
        state.dataset.connected = String(connected);
        state.textContent = connected ? t("live.connected") : t("live.reconnecting");
    }
}

function startFeed(current: Session): LiveFeed {
    const started = new LiveFeed(current);
    started.onState((state) => {
        // A feed stopped at sign-out still reports its end: only the current one speaks.
        if (started === feed) {
            connected = state;
            showLive();
        }
    });
    started.start();
    return started;
}

function endSession(): void {
    clearSession();
    session = null;
    feed?.stop();
    feed = null;
    connected = null;
}

function signOut(): void {
    endSession();
    location.hash = "#/signin";
    render();
}

/** Draws the screen the address names; every screen is drawn again when the language changes. */
function signedIn(current: Session): Promise<void> {
    session = current;
    saveSession(current);
    feed = startFeed(current);
    return goOnline(current);
}

function render(): void {
    leave();
    leave = () => undefined;
    document.title = t("app.title");
    const { main } = renderShell(root, session, signOut);
    if (!session) {
        renderSignIn(main, async (current) => {
            await signedIn(current);
            if (location.hash === "#/inbox") {
                render();
            } else {
                location.hash = "#/inbox";
            }
        });
        return;
    }
    feed ??= startFeed(session);
    showLive();
    const [, screen, id] = location.hash.split("/");
    if (screen === "ticket" && id) {
        leave = renderTicket(main, session, feed, id);
    } else if (screen === "supervisor") {
        leave = renderSupervisor(main, session, feed);
    } else {
        leave = renderInbox(main, session, feed);
    }
}

onSessionExpired(() => {
    endSession();
    render();
    document.getElementById("sign-in-error")!.textContent = t("error.expired");
});
onLanguageChange(render);
window.addEventListener("hashchange", render);
startCountdowns();
// A return from the identity provider carries the code to exchange; anything else starts as it is.
completeSignIn().then(async (token) => {
    const current = token ? sessionFromToken(token) : null;
    if (token && !current) {
        throw new Error(t("signIn.badToken"));
    }
    if (current) {
        await signedIn(current);
        location.hash = "#/inbox";
    }
    render();
}).catch((error) => {
    render();
    document.getElementById("sign-in-error")!.textContent = t("signIn.oidcFailed", { detail: error instanceof Error ? error.message : String(error) });
});
