import assert from "node:assert/strict";
import { test } from "node:test";
import { narrow } from "../src/serverClock";

test("one answer bounds the offset by the round trip and the Date header's span", () => {
    // Sent at 1000, received at 1200; the server's Date said 5000 (its clock read a time in [5000, 8000)).
    assert.deepEqual(narrow(null, 1000, 1200, 5000), { lower: 3800, upper: 7000 });
});

test("a Date header that trails the server's clock by two seconds still bounds the offset from above", () => {
    // Same clocks (offset 0): the answer left at 10_020, but the header still carried 8000.
    const bounds = narrow(null, 10_000, 10_050, 8000);
    assert.ok(bounds.lower <= 0 && 0 <= bounds.upper, JSON.stringify(bounds));
});

test("a second answer narrows the interval to what both allow", () => {
    const first = narrow(null, 1000, 1200, 5000);
    assert.deepEqual(narrow(first, 2000, 2100, 5500), { lower: 3800, upper: 6500 });
});

test("an answer outside the interval (a clock jumped) starts again from it", () => {
    const first = narrow(null, 1000, 1200, 5000);
    assert.deepEqual(narrow(first, 2000, 2100, 60_000), { lower: 57_900, upper: 61_000 });
});
