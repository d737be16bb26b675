import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDuration, slaState, warningWindowMs } from "../src/sla";

const due = "2026-11-11T08:00:00.000Z";
const dueAt = Date.parse(due);

test("a deadline is ok, then a warning inside its window, then breached from its moment on", () => {
    assert.equal(slaState(due, dueAt - warningWindowMs - 1), "ok");
    assert.equal(slaState(due, dueAt - warningWindowMs), "warning");
    assert.equal(slaState(due, dueAt - 1), "warning");
    assert.equal(slaState(due, dueAt), "breached");
});

test("a recorded breach, a pause and no deadline override the clock", () => {
    assert.equal(slaState(due, dueAt - warningWindowMs * 4, null, "2026-11-11T07:00:00Z"), "breached");
    assert.equal(slaState(due, dueAt + 1, "2026-11-11T07:59:00Z"), "paused");
    assert.equal(slaState(null, dueAt), "none");
});

test("durations round down, so time left is never shown longer than it is", () => {
    assert.equal(formatDuration(59_999), "0:59");
    assert.equal(formatDuration(3_600_000 + 61_000), "1:01:01");
    assert.equal(formatDuration(-90_500), "1:30");
    assert.equal(formatDuration(26 * 3_600_000), "26:00:00");
});
