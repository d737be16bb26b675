-- The tables the migrations have created in this database. A table listed here but missing was dropped after it was
-- made, with whatever it held: the migrate step then refuses to create it again empty (which would let the silos
-- append at version N+1 onto a partial log) unless Migration:RecreateMissingTables says the loss is accepted.
CREATE TABLE IF NOT EXISTS tg_schema_tables (
    name       text        PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
