// The API's answers the screens read (a subset of each; see the OpenAPI document at /openapi/v1.json).

export interface TicketListItem {
    id: string;
    status: string;
    category: string;
    priority: string;
    queue: string;
    customerId: string;
    assignee: string | null;
    channel: string;
    subject: string;
    createdAt: string;
    updatedAt: string;
    slaDueAt: string | null;
    version: number;
}

export interface TicketPage {
    items: TicketListItem[];
    nextCursor: string | null;
}

export interface SlaClock {
    metric: string;
    dueAt: string;
    pausedSince: string | null;
    breachedAt: string | null;
}

export interface MessageView {
    author: string;
    body: string;
    internal: boolean;
    at: string;
    delivery?: { state: string; reason?: string | null } | null;
    /** What marked the message as written by a machine (e.g. "Auto-Submitted: auto-replied"); absent for a person's. */
    automatic?: string | null;
}

/** A field value read from the thread, waiting for an agent to accept (perhaps corrected) or reject it. */
export interface ProposedField {
    name: string;
    value: string;
    confidence: number;
    source: string;
    attachmentId: string | null;
}

export interface TicketView extends Omit<TicketListItem, "version"> {
    version: number;
    fields: Record<string, string>;
    proposedFields?: ProposedField[];
    fieldSources?: Record<string, string>;
    messages: MessageView[];
    acceptBy: string | null;
    slaClocks: SlaClock[];
    tags: string[];
}

export interface TicketEvent {
    version: number;
    type: string;
    recordedAt: string;
    data: string;
}

export interface CustomerContext {
    id: string;
    name: string | null;
    tier: string;
    phone?: string | null;
    email?: string | null;
    address?: string | null;
    lastOrderNo?: string | null;
    identities: { channel: string; externalId: string }[];
    ordersMentioned: string[];
    recentTickets: { id: string; channel: string; status: string; subject: string; createdAt: string }[];
}

export interface AgentProfile {
    agentId: string;
    queues: string[];
    capacity: Record<string, number>;
    presence: string;
    load: Record<string, number>;
}

export interface QueueStatus {
    name: string;
    waitingTickets: number;
    handedOut: number;
    waitingAgents: number;
}

export interface TemplateSummary {
    name: string;
    version: number;
    builtIn: boolean;
    active?: boolean;
    appliedBy?: string | null;
    appliedAt?: string | null;
}

export interface Macro {
    id: string;
    title: string;
    body: string;
    status: string | null;
    internal: boolean;
}

export interface HourCount {
    hour: string;
    key: string;
    tickets: number;
}

export interface TicketsPerHour {
    from: string;
    to: string;
    byChannel: HourCount[];
    byCategory: HourCount[];
}

/** One change on the live feed (event ticket.changed). */
export interface TicketChange {
    ticketId: string;
    version: number;
    eventType: string;
    status: string;
    queue: string;
    assignee: string | null;
    at: string;
    priority: string | null;
}
