-- Channel media to fetch from the platforms' media APIs (docs/decisions/0015-attachments.md).

-- One row per inbound message that carries media (image, voice, video, file) or files (e-mail), written by the
-- pipeline subscriber "attachment-media" after the platform had its answer. Front ends take due rows (a lease, so two
-- never fetch one message at once), fetch, store the files as attachments of the ticket the message joined, and mark
-- the row done; a transient failure waits before the next attempt, a permanent one stays as 'failed' with its reason.
CREATE TABLE IF NOT EXISTS tg_attachment_fetches (
    tenant_id       text        NOT NULL,
    stream_id       text        NOT NULL,
    channel_id      uuid        NOT NULL,
    customer_id     uuid        NOT NULL,
    kind            text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    leased_until    timestamptz NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, stream_id)
);

CREATE INDEX IF NOT EXISTS tg_attachment_fetches_due ON tg_attachment_fetches (next_attempt_at) WHERE state = 'pending';
