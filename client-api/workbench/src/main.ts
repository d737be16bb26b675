import { onSessionExpired } from "./api";
import { startCountdowns } from "./countdown";
import { onLanguageChange, t } from "./i18n/i18n";
import { LiveFeed } from "./live";
import { clearSession, saveSession, savedSession, type Session } from "./session";
import { renderInbox } from "./views/inbox";
import { renderShell } from "./views/shell";
import { renderSignIn } from "./views/signIn";
import { renderSupervisor } from "./views/supervisor";
import { renderTicket } from "./views/ticket";

const root = document.getElementById("app")!;
let session = savedSession();
let feed: LiveFeed | null = null;
let leave: () => void = () => undefined;

function startFeed(current: Session): LiveFeed {
    const started = new LiveFeed(current);
    started.onState((connected) => {
        const state = document.getElementById("live-state");
        if (state) {
            state.dataset.connected = String(connected);
            state.textContent = connected ? t("live.connected") : t("live.reconnecting");
        }
    });
    started.start();
    return started;
}

function signOut(): void {
    clearSession();
    session = null;
    feed?.stop();
    feed = null;
    location.hash = "#/signin";
    render();
}

/** Draws the screen the address names; every screen is drawn again when the language changes. */
function render(): void {
    leave();
    leave = () => undefined;
    document.title = t("app.title");
    const { main, live } = renderShell(root, session, signOut);
    if (!session) {
        renderSignIn(main, (signedIn) => {
            session = signedIn;
            saveSession(signedIn);
            feed = startFeed(signedIn);
            location.hash = "#/inbox";
        });
        return;
    }
    feed ??= startFeed(session);
    live.textContent = "";
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
    clearSession();
    session = null;
    feed?.stop();
    feed = null;
    render();
    document.getElementById("sign-in-error")!.textContent = t("error.expired");
});
onLanguageChange(render);
window.addEventListener("hashchange", render);
startCountdowns();
render();
