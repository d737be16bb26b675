import { observe } from "./serverClock";
import type { Session } from "./session";

/** A ProblemDetails answer (or a failure to reach the server, status 0). */
export class ApiError extends Error {
    constructor(readonly status: number, readonly problem: { title?: string; detail?: string; errors?: Record<string, string[]> }) {
        super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    }
}

export interface ApiAnswer<T> {
    status: number;
    body: T;
    response: Response;
}

let expiredHandler: () => void = () => undefined;

/** What to do when the server refuses the token (401): the session is over. */
export function onSessionExpired(handler: () => void): void {
    expiredHandler = handler;
}

/** One call to /api/v1 with the session's token; the answer's Date header keeps the server clock's estimate fresh. */
export async function call<T>(session: Session, method: string, path: string, body?: unknown, accept = "application/json"): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${session.token}`, Accept: accept };
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
    }
    const sentAt = Date.now();
    let response: Response;
    try {
        response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
        throw new ApiError(0, { detail: String(error) });
    }
    observe(sentAt, Date.now(), response.headers.get("Date"));
    if (response.status === 401) {
        expiredHandler();
    }
    if (!response.ok) {
        const problem = response.headers.get("Content-Type")?.includes("json") ? await response.json() : { detail: await response.text() };
        throw new ApiError(response.status, problem);
    }
    const isJson = response.headers.get("Content-Type")?.includes("json") ?? false;
    const parsed = response.status === 204 ? undefined : isJson ? await response.json() : await response.text();
    return { status: response.status, body: parsed as T, response };
}

export async function get<T>(session: Session, path: string): Promise<T> {
    return (await call<T>(session, "GET", path)).body;
}

export async function post<T>(session: Session, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return call<T>(session, "POST", path, body);
}

export async function put<T>(session: Session, path: string, body: unknown): Promise<T> {
    return (await call<T>(session, "PUT", path, body)).body;
}
