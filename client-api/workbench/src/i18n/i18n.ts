import { en } from "./en";
import { zh, type Dictionary, type MessageKey } from "./zh";

export type Language = "zh" | "en";

const dictionaries: Record<Language, Dictionary> = { zh, en };
const storageKey = "ticketgrains.workbench.language";
const listeners = new Set<() => void>();

let current: Language = initialLanguage();

/** The remembered choice, else the browser's preference (Chinese unless it prefers English). */
function initialLanguage(): Language {
    const saved = localStorage.getItem(storageKey);
    if (saved === "zh" || saved === "en") {
        return saved;
    }
    return navigator.language.toLowerCase().startsWith("en") ? "en" : "zh";
}

export function language(): Language {
    return current;
}

/** The locale dates and numbers are written in for the current language. */
export function locale(): string {
    return current === "zh" ? "zh-CN" : "en-US";
}

export function setLanguage(next: Language): void {
    current = next;
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
    listeners.forEach((listener) => listener());
}

export function onLanguageChange(listener: () => void): void {
    listeners.add(listener);
}

/** The string for the key in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
    return dictionaries[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A key built from data (a status, a channel); the value itself when the dictionary has no such key. */
export function tOf(prefix: string, value: string): string {
    const key = `${prefix}.${value}`;
    return key in zh ? t(key as MessageKey) : value;
}

document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
