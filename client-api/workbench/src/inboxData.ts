import { get } from "./api";
import type { Session } from "./session";
import type { AgentProfile, TicketListItem, TicketPage } from "./types";

export type Scope = "mine" | "queues" | "all";

/** Statuses an agent still works on: the inbox shows these unless a status is picked. */
export const workingStatuses = ["new", "open", "pending", "on_hold"];

const pageSize = 200;

/** The tickets of a scope from GET /api/v1/tickets (a page each: mine, each of my queues, or all). */
export async function loadInbox(session: Session, scope: Scope, status: string): Promise<TicketListItem[]> {
    const filter = status ? `&status=${encodeURIComponent(status)}` : "";
    let pages: Promise<TicketPage>[];
    if (scope === "mine") {
        pages = [get<TicketPage>(session, `/tickets?assignee=${encodeURIComponent(session.user)}&limit=${pageSize}${filter}`)];
    } else if (scope === "queues") {
        // An agent without queues of its own pulls from every queue (PUT /api/v1/agents/{id}/queues).
        const agent = await get<AgentProfile>(session, `/agents/${encodeURIComponent(session.user)}`);
        pages = agent.queues.length === 0
            ? [get<TicketPage>(session, `/tickets?limit=${pageSize}${filter}`)]
            : agent.queues.map((queue) => get<TicketPage>(session, `/tickets?queue=${encodeURIComponent(queue)}&limit=${pageSize}${filter}`));
    } else {
        pages = [get<TicketPage>(session, `/tickets?limit=${pageSize}${filter}`)];
    }
    const items = (await Promise.all(pages)).flatMap((page) => page.items);
    return status ? items : items.filter((item) => workingStatuses.includes(item.status));
}

export interface Filters {
    channel: string;
    priority: string;
    search: string;
}

/** The items the filters keep, the most urgent deadline first (no deadline last), then the oldest. */
export function filterAndSort(items: TicketListItem[], filters: Filters): TicketListItem[] {
    const search = filters.search.trim().toLowerCase();
    const deadline = (item: TicketListItem) => (item.slaDueAt ? Date.parse(item.slaDueAt) : Number.MAX_SAFE_INTEGER);
    return items
        .filter((item) => !filters.channel || item.channel === filters.channel)
        .filter((item) => !filters.priority || item.priority === filters.priority)
        .filter((item) => !search || item.subject.toLowerCase().includes(search) || item.id.startsWith(search))
        .sort((a, b) => deadline(a) - deadline(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
