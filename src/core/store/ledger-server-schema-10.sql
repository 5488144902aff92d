-- Schema 10 on the server: each value's row counts its saves, as in a
-- ledger file (ledger-schema-10.sql).

ALTER TABLE indicator_values ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

INSERT INTO ledger_schema (version) VALUES (10);
