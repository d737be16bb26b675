import assert from "node:assert/strict";
import { test } from "node:test";
import { hourSlots, stackHours } from "../src/chartData";

test("a day has 24 hour slots, each hour's start", () => {
    const slots = hourSlots("2026-11-11T00:00:00Z", "2026-11-12T00:00:00.000Z");
    assert.equal(slots.length, 24);
    assert.equal(slots[1], Date.parse("2026-11-11T01:00:00Z"));
});

test("counts stack by hour whatever offset they are written with, the biggest series first, missing cells zero", () => {
    const hours = hourSlots("2026-11-11T00:00:00Z", "2026-11-11T03:00:00Z");
    const stacked = stackHours([
        { hour: "2026-11-11T01:00:00+00:00", key: "email", tickets: 2 },
        { hour: "2026-11-11T08:00:00+08:00", key: "wechat", tickets: 5 },
        { hour: "2026-11-11T01:00:00Z", key: "wechat", tickets: 1 },
    ]);

    assert.deepEqual(stacked.keys, ["wechat", "email"]);
    assert.equal(stacked.at(hours[0], "email"), 0);
    assert.deepEqual(hours.map(stacked.total), [5, 3, 0]);
});
