import { onSessionExpired } from "./api";
import { startCountdowns } from "./countdown";
import { onLanguageChange, t } from "./i18n/i18n";
import { LiveFeed } from "./live";
import { clearSession, saveSession, savedSession, type Session } from "./session";
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
function render(): void {
    leave();
    leave = () => undefined;
    document.title = t("app.title");
    const { main } = renderShell(root, session, signOut);
    if (!session) {
        renderSignIn(main, async (signedIn) => {
            session = signedIn;
            saveSession(signedIn);
            feed = startFeed(signedIn);
            await goOnline(signedIn);
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
render();
