import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { base64Url, codeChallenge, randomToken } from "../src/oidc";

test("the S256 code challenge is the base64url SHA-256 of the verifier, as node's own hash says", async () => {
    const verifier = randomToken();
    assert.equal(await codeChallenge(verifier), createHash("sha256").update(verifier).digest("base64url"));
});

test("base64url has no padding and no characters a URL would escape", () => {
    assert.equal(base64Url(new Uint8Array([251, 255, 191])), "-_-_");
    assert.match(randomToken(), /^[A-Za-z0-9_-]{43}$/);
});
