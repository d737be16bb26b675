-- Attachments: files on tickets, from the API and from channels (docs/decisions/0015-attachments.md).

-- One row per file. content is the file sealed (AES-256-GCM) with a key of its own; sealed_key is that key sealed with
-- the customer's data key, and sealed_name the file name likewise, so erasing the customer (destroying its data key)
-- makes both unreadable at once, and the erasure then deletes the rows by customer_id. content_type and bytes are
-- what the content's magic bytes and length say, kept in clear for the download's headers and for statistics.
CREATE TABLE IF NOT EXISTS tg_attachments (
    tenant_id     text        NOT NULL,
    attachment_id uuid        NOT NULL,
    customer_id   uuid        NOT NULL,
    sealed_name   text        NOT NULL,
    content_type  text        NOT NULL,
    bytes         bigint      NOT NULL,
    sealed_key    text        NOT NULL,
    content       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, attachment_id)
);

-- An erasure deletes the customer's files.
CREATE INDEX IF NOT EXISTS tg_attachments_customer ON tg_attachments (tenant_id, customer_id);

-- Sealed content is random bytes: compressing it is wasted work.
ALTER TABLE tg_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
