import { el } from "../dom";
import { t, tOf } from "../i18n/i18n";
import { hourSlots, stackHours } from "../chartData";
import type { HourCount } from "../types";

const svgNs = "http://www.w3.org/2000/svg";

/** Colours of the series in order; each passes 3:1 against white as a graphic should (WCAG 1.4.11). */
const palette = ["#1f5fa8", "#b3401a", "#2d7a3a", "#7a3fa0", "#8a6d00", "#0f7c86", "#a8326e", "#55606e"];

function svg(tag: string, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
    const element = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, String(value));
    }
    element.append(...children);
    return element;
}

/**
 * Tickets per hour as stacked bars, one colour per channel or category, with a legend and the same numbers as a table
 * for screen readers (the picture is hidden from them).
 */
export function hourChart(id: string, title: string, span: { from: string; to: string }, counts: HourCount[], prefix: "channel" | "category"): HTMLElement {
    const hours = hourSlots(span.from, span.to);
    const { keys, at, total } = stackHours(counts);
    if (counts.length === 0) {
        return el("figure", { class: "chart", id }, el("figcaption", {}, title), el("p", {}, t("chart.none")));
    }
    const width = 560;
    const height = 160;
    const bar = Math.max(4, Math.floor(width / hours.length) - 4);
    const most = Math.max(1, ...hours.map(total));
    const bars = hours.flatMap((hour, i) => {
        let y = height;
        return keys.map((key, k) => {
            const h = (at(hour, key) / most) * (height - 10);
            y -= h;
            return svg("rect", { x: i * (bar + 4), y, width: bar, height: h, fill: palette[k % palette.length] },
                svg("title", {}, `${hourLabel(hour)} ${tOf(prefix, key)}: ${at(hour, key)}`));
        });
    });
    const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "bars", "aria-hidden": "true", focusable: "false" }, ...bars);
    const axis = el("p", { class: "axis" }, el("span", {}, hourLabel(hours[0])), el("span", {}, hourLabel(hours[hours.length - 1])));
    const legend = el("ul", { class: "legend" }, ...keys.map((key, k) =>
        el("li", {}, el("span", { class: `swatch swatch-${k % palette.length}` }), tOf(prefix, key))));
    const table = el("table", { class: "visually-hidden" },
        el("caption", {}, title),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("chart.hour")), ...keys.map((key) => el("th", { scope: "col" }, tOf(prefix, key))))),
        el("tbody", {}, ...hours.map((hour) => el("tr", {}, el("th", { scope: "row" }, hourLabel(hour)), ...keys.map((key) => el("td", {}, String(at(hour, key))))))));
    return el("figure", { class: "chart", id, "data-total": hours.reduce((sum, hour) => sum + total(hour), 0) },
        el("figcaption", {}, title), picture, axis, legend, table);
}

function hourLabel(hour: number): string {
    const at = new Date(hour);
    return `${at.toLocaleDateString()} ${String(at.getHours()).padStart(2, "0")}:00`;
}
