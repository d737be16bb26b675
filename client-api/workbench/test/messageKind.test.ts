import assert from "node:assert/strict";
import { test } from "node:test";
import { failureReason, messageKind } from "../src/messageKind";
import type { MessageView } from "../src/types";

const message = (fields: Partial<MessageView>): MessageView => ({ author: "customer", body: "", internal: false, at: "2026-12-06T08:00:00Z", ...fields });

test("a customer's message is the customer writing unless it is marked automatic", () => {
    assert.equal(messageKind(message({})), "customer");
    assert.equal(messageKind(message({ automatic: null })), "customer");
    assert.equal(messageKind(message({ automatic: "Auto-Submitted: auto-replied" })), "automatic");
});

test("the shop's messages are replies or internal notes", () => {
    assert.equal(messageKind(message({ author: "dan" })), "reply");
    assert.equal(messageKind(message({ author: "dan", internal: true })), "internal");
});

test("only a failed delivery gives a reason", () => {
    const bounced = "bounced: 5.1.1 smtp; 550 5.1.1 <nobody@customer.test>: User unknown";
    assert.equal(failureReason(message({ author: "dan", delivery: { state: "failed", reason: bounced } })), bounced);
    assert.equal(failureReason(message({ author: "dan", delivery: { state: "failed", reason: null } })), null);
    assert.equal(failureReason(message({ author: "dan", delivery: { state: "sent", reason: "ignored" } })), null);
    assert.equal(failureReason(message({ author: "dan" })), null);
});
