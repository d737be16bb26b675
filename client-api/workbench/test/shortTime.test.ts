import assert from "node:assert/strict";
import { test } from "node:test";
import { shortTime } from "../src/shortTime";

// 10:45 in Shanghai on 4 December 2026.
const at = new Date("2026-12-04T02:45:35Z");

test("today shows the time alone", () => {
    assert.equal(shortTime(at, new Date("2026-12-04T15:00:00Z"), "zh-CN", "Asia/Shanghai"), "10:45");
    assert.equal(shortTime(at, new Date("2026-12-04T15:00:00Z"), "en-US", "Asia/Shanghai"), "10:45");
});

test("the day is the viewer's: the same instant is yesterday in Shanghai once midnight passed there", () => {
    // 16:30 UTC on the 4th is already the 5th in Shanghai.
    assert.equal(shortTime(at, new Date("2026-12-04T16:30:00Z"), "zh-CN", "Asia/Shanghai"), "12/4 10:45");
    assert.equal(shortTime(at, new Date("2026-12-04T16:30:00Z"), "en-US", "Asia/Shanghai"), "12/4, 10:45");
});

test("an earlier year shows the date alone", () => {
    assert.equal(shortTime(at, new Date("2027-01-02T03:00:00Z"), "zh-CN", "Asia/Shanghai"), "2026/12/4");
    assert.equal(shortTime(at, new Date("2027-01-02T03:00:00Z"), "en-US", "Asia/Shanghai"), "12/4/2026");
});
