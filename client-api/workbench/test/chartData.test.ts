import assert from "node:assert/strict";
import { test } from "node:test";
import { stackHours } from "../src/chartData";

test("counts stack by hour in order, the biggest series first, missing cells as zero", () => {
    const stacked = stackHours([
        { hour: "2026-11-11T01:00:00Z", key: "email", tickets: 2 },
        { hour: "2026-11-11T00:00:00Z", key: "wechat", tickets: 5 },
        { hour: "2026-11-11T01:00:00Z", key: "wechat", tickets: 1 },
    ]);

    assert.deepEqual(stacked.hours, ["2026-11-11T00:00:00Z", "2026-11-11T01:00:00Z"]);
    assert.deepEqual(stacked.keys, ["wechat", "email"]);
    assert.equal(stacked.at("2026-11-11T00:00:00Z", "email"), 0);
    assert.deepEqual(stacked.hours.map(stacked.total), [5, 3]);
});
