-- The committed-event pipeline (docs/decisions/0004-committed-event-pipeline.md).
--
-- tg_events.tx_id is the writing transaction's id. Subscribers walk the log in (tx_id, position) order and only
-- below the oldest transaction still running (pg_snapshot_xmin of the current snapshot): every transaction below it
-- has finished, so no event can later appear behind a subscriber's checkpoint, however out of order writers commit.
--
-- Rows that exist before this script runs get tx_id 0: all of them have committed (adding the column waits for every
-- writer), so (0, position) orders them correctly before everything written afterwards, and the catalogue-only
-- constant default spares a rewrite of a large log. New rows then take the real transaction id.
--
-- The catalogue checks keep repeated runs (every silo start) from taking locks on the hot table: ALTER TABLE and even
-- CREATE INDEX IF NOT EXISTS wait for, and then block, concurrent writers.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute
                   WHERE attrelid = 'tg_events'::regclass AND attname = 'tx_id' AND NOT attisdropped) THEN
        ALTER TABLE tg_events ADD COLUMN tx_id xid8 NOT NULL DEFAULT '0';
        ALTER TABLE tg_events ALTER COLUMN tx_id SET DEFAULT pg_current_xact_id();
    END IF;

    IF to_regclass('tg_events_by_transaction') IS NULL THEN
        CREATE INDEX tg_events_by_transaction ON tg_events (tx_id, position);
    END IF;
END
$$;

-- One row per subscriber: where it has got to (the last event it handled), and its current run of failures.
-- attempts counts the consecutive failures of the page it is retrying (0 when healthy); last_error stays after
-- recovery so an operator can still see what happened and when.
CREATE TABLE IF NOT EXISTS tg_subscriptions (
    name          text        PRIMARY KEY,
    tx_id         xid8        NOT NULL,
    position      bigint      NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text        NULL,
    last_error_at timestamptz NULL
);
