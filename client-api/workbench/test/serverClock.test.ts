import assert from "node:assert/strict";
import { test } from "node:test";
import { narrow } from "../src/serverClock";

test("one answer bounds the offset by the round trip and the Date header's second", () => {
    // Sent at 1000, received at 1200; the server's Date said 5000 (it read a time in [5000, 6000)).
    assert.deepEqual(narrow(null, 1000, 1200, 5000), { lower: 3800, upper: 5000 });
});

test("a second answer narrows the interval to what both allow", () => {
    const first = narrow(null, 1000, 1200, 5000);
    assert.deepEqual(narrow(first, 2000, 2100, 6000), { lower: 3900, upper: 5000 });
});

test("an answer outside the interval (a clock jumped) starts again from it", () => {
    const first = narrow(null, 1000, 1200, 5000);
    assert.deepEqual(narrow(first, 2000, 2100, 60_000), { lower: 57_900, upper: 59_000 });
});
