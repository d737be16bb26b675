import { ApiError, call, get, post } from "../api";
import { channelIcon, priorityBadge } from "../channels";
import { countdown } from "../countdown";
import { el, replace } from "../dom";
import { t, tOf } from "../i18n/i18n";
import type { LiveFeed } from "../live";
import { serverNow } from "../serverClock";
import { formatDuration, warningWindowMs } from "../sla";
import type { Session } from "../session";
import { workingStatuses } from "../inboxData";
import type { AgentProfile, QueueStatus, TemplateSummary, TicketPage, TicketsPerHour } from "../types";
import { hourChart } from "./charts";
import { describe } from "./inbox";
import { field } from "./signIn";

/** What the console reads of a surge (GET /api/v1/surges). */
interface Surge {
    category?: string;
    startedAt?: string;
    windowCount?: number;
    peakCount?: number;
    expected?: number;
}

interface QueueBacklog {
    name: string;
    waitingTickets: number;
    oldestWaitingSince: string | null;
}

/** How far back the console's charts of tickets per hour look. */
const chartHours = 24;

/**
 * The supervisor console: queues, agents, SLA risk, surges, the scenario template with its switch, tickets per hour by
 * channel and category, and the CSV export.
 */
export function renderSupervisor(main: HTMLElement, session: Session, feed: LiveFeed): () => void {
    const notice = el("p", { class: "notice", role: "status", id: "supervisor-notice" });
    const queues = el("tbody");
    const agents = el("tbody");
    const risks = el("ul", { class: "risks" });
    const template = el("select", { id: "template-select" });
    const activeTemplate = el("p", { id: "active-template" });
    const surges = el("div", { id: "surges" });
    const charts = el("div", { class: "charts" });

    const table = (label: string, headers: string[], body: HTMLElement) =>
        el("table", { "aria-label": label }, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))), body);

    replace(main,
        el("h1", {}, t("supervisor.title")),
        notice,
        el("div", { class: "console" },
            el("section", { "aria-labelledby": "queues-title" }, el("h2", { id: "queues-title" }, t("supervisor.queues")),
                table(t("supervisor.queues"), [t("supervisor.queue"), t("supervisor.waiting"), t("supervisor.handedOut"), t("supervisor.oldestWait")], queues)),
            el("section", { "aria-labelledby": "agents-title" }, el("h2", { id: "agents-title" }, t("supervisor.agents")),
                table(t("supervisor.agents"), [t("supervisor.agent"), t("supervisor.presence"), t("supervisor.load")], agents)),
            el("section", { "aria-labelledby": "risk-title" }, el("h2", { id: "risk-title" }, t("supervisor.sla")), risks),
            el("section", { "aria-labelledby": "surges-title" }, el("h2", { id: "surges-title" }, t("supervisor.surges")), surges),
            el("section", { "aria-labelledby": "template-title" }, el("h2", { id: "template-title" }, t("supervisor.template")),
                activeTemplate,
                field("template-select", t("supervisor.templateSelect"), template),
                el("button", { id: "apply-template", class: "primary", onclick: () => void applyTemplate() }, t("supervisor.applyTemplate")),
                el("h2", {}, t("supervisor.export")),
                el("button", { id: "export-csv", onclick: () => void exportCsv() }, t("supervisor.export"))),
            el("section", { class: "wide", "aria-labelledby": "charts-title" }, el("h2", { id: "charts-title" }, t("supervisor.charts")), charts)));

    async function loadQueues(): Promise<void> {
        const backlog = await get<QueueBacklog[]>(session, "/queues");
        const statuses = await Promise.all(backlog.map((queue) => get<QueueStatus>(session, `/queues/${encodeURIComponent(queue.name)}/status`)));
        replace(queues, ...backlog.map((queue, i) => el("tr", { "data-queue": queue.name },
            el("th", { scope: "row" }, queue.name),
            el("td", {}, String(statuses[i].waitingTickets)),
            el("td", {}, String(statuses[i].handedOut)),
            el("td", {}, queue.oldestWaitingSince ? formatDuration(serverNow() - Date.parse(queue.oldestWaitingSince)) : "—"))));
    }

    async function loadAgents(): Promise<void> {
        const roster = await get<AgentProfile[]>(session, "/agents");
        replace(agents, ...roster.map((agent) => el("tr", { "data-agent": agent.agentId },
            el("th", { scope: "row" }, agent.agentId),
            el("td", {}, el("span", { class: `presence presence-${agent.presence}` }, tOf("presence", agent.presence))),
            el("td", {}, Object.keys({ ...agent.capacity, ...agent.load }).map((kind) => `${tOf("kind", kind)} ${agent.load[kind] ?? 0}/${agent.capacity[kind] ?? "∞"}`).join(" · ") || "—"))));
    }

    async function loadRisks(): Promise<void> {
        // Deadlines inside the warning window or past: the read model's running deadlines, most urgent first.
        const before = new Date(serverNow() + warningWindowMs).toISOString();
        const page = await get<TicketPage>(session, `/tickets?slaDueBefore=${encodeURIComponent(before)}&limit=200`);
        const atRisk = page.items.filter((item) => workingStatuses.includes(item.status))
            .sort((a, b) => Date.parse(a.slaDueAt ?? "") - Date.parse(b.slaDueAt ?? ""));
        replace(risks, ...(atRisk.length === 0 ? [el("li", {}, t("supervisor.slaNone"))] : atRisk.map((item) => el("li", {},
            channelIcon(item.channel), " ", el("a", { href: `#/ticket/${item.id}` }, item.subject || item.id), " ", priorityBadge(item.priority), " ",
            countdown(item.slaDueAt)))));
    }

    async function loadTemplates(): Promise<void> {
        const templates = await get<TemplateSummary[]>(session, "/templates");
        const active = templates.find((tpl) => tpl.active);
        replace(template, ...templates.map((tpl) => el("option", { value: tpl.name, selected: tpl === active }, tOf("template", tpl.name))));
        activeTemplate.dataset.template = active?.name ?? "";
        activeTemplate.textContent = active
            ? t("supervisor.activeTemplate", { name: tOf("template", active.name), by: active.appliedBy ?? "", at: new Date(active.appliedAt ?? "").toLocaleString() })
            : t("supervisor.noTemplate");
    }

    /**
     * Active surges (GET /api/v1/surges?state=active: category, start, tickets in the window against the expected count)
     * where the server detects them; a server without the route (404) says so. Read again whenever the live feed says a
     * surge began or ended, so the list follows without a reload.
     */
    async function loadSurges(): Promise<void> {
        try {
            const answer = await get<{ items?: Surge[] } | Surge[]>(session, "/surges?state=active");
            const items = Array.isArray(answer) ? answer : answer.items ?? [];
            replace(surges, items.length === 0 ? el("p", {}, t("supervisor.surgesNone")) : el("ul", { class: "surge-list" }, ...items.map((surge) =>
                el("li", { class: "surge", "data-category": surge.category ?? "" },
                    el("strong", {}, tOf("category", surge.category ?? "")), " ",
                    t("supervisor.surgeItem", { count: surge.peakCount ?? surge.windowCount ?? "?", expected: Math.round(surge.expected ?? 0),
                        since: surge.startedAt ? new Date(surge.startedAt).toLocaleTimeString() : "" })))));
        } catch (error) {
            if (error instanceof ApiError && error.status === 404) {
                replace(surges, el("p", {}, t("supervisor.surgesUnavailable")));
                return;
            }
            throw error;
        }
    }

    /** Tickets created per hour over the last day, by channel and by category (GET /api/v1/reports/tickets-per-hour). */
    async function loadCharts(): Promise<void> {
        const hour = 3_600_000;
        const to = new Date(Math.ceil(serverNow() / hour) * hour);
        const from = new Date(to.getTime() - chartHours * hour);
        const report = await get<TicketsPerHour>(session, `/reports/tickets-per-hour?from=${from.toISOString()}&to=${to.toISOString()}`);
        replace(charts,
            hourChart("chart-channel", t("supervisor.byChannel"), report, report.byChannel, "channel"),
            hourChart("chart-category", t("supervisor.byCategory"), report, report.byCategory, "category"));
    }

    async function applyTemplate(): Promise<void> {
        try {
            const applied = template.value;
            await post(session, `/templates/${encodeURIComponent(applied)}/apply`);
            // Said once the queues and the template list show it, as a ticket's actions are.
            await Promise.all([loadQueues(), loadTemplates()]);
            notice.textContent = t("supervisor.applied", { name: tOf("template", applied) });
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    async function exportCsv(): Promise<void> {
        try {
            const answer = await call<string>(session, "GET", "/reports/tickets.csv", undefined, "text/csv");
            const rows = Math.max(0, answer.body.trimEnd().split("\n").length - 1);
            const link = el("a", { href: URL.createObjectURL(new Blob([answer.body], { type: "text/csv" })), download: "tickets.csv", id: "csv-download" }, "tickets.csv");
            replace(notice, t("supervisor.exported", { rows }), " ", link);
            link.click();
        } catch (error) {
            notice.textContent = describe(error);
        }
    }

    const load = (part: () => Promise<void>) => part().catch((error) => { notice.textContent = describe(error); });
    void Promise.all([load(loadQueues), load(loadAgents), load(loadRisks), load(loadTemplates), load(loadSurges), load(loadCharts)]).then(() => { main.dataset.loaded = "supervisor"; });
    let pending: number | undefined;
    const unsubscribe = feed.onChange(() => {
        pending ??= window.setTimeout(() => { pending = undefined; void load(loadQueues); void load(loadRisks); void load(loadCharts); }, 2000);
    });
    const unsubscribeSurges = feed.onSurge(() => void load(loadSurges));
    return () => {
        unsubscribe();
        unsubscribeSurges();
        clearTimeout(pending);
    };
}
