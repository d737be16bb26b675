import { el } from "./dom";
import { t, tOf } from "./i18n/i18n";

const glyphs: Record<string, string> = {
    web: "W", app: "A", wechat: "微", wecom: "企", douyin: "抖", weibo: "博", email: "@", phone: "☎", api: "{}",
};

/** The channel as a small coloured mark, named for screen readers and on hover. */
export function channelIcon(channel: string): HTMLElement {
    const name = tOf("channel", channel);
    return el("span", { class: `channel channel-${channel}`, role: "img", "aria-label": name, title: name }, glyphs[channel] ?? "?");
}

export function priorityBadge(priority: string): HTMLElement {
    return el("span", { class: `badge priority-${priority}` }, tOf("priority", priority));
}

/** The queue of the built-in VIP lane: its tickets are a VIP customer's (the inbox lists no tier). */
export const vipQueue = "vip";

export function vipBadge(): HTMLElement {
    return el("span", { class: "badge vip" }, t("badge.vip"));
}

export function statusBadge(status: string): HTMLElement {
    return el("span", { class: `badge status-${status}` }, tOf("status", status));
}
