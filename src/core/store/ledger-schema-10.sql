-- Schema 10: each value's row counts its saves. A save made against what
-- a desk was shown checks the count is still the one it read, so another
-- desk's newer figure is never overwritten unseen (docs/server.md).

ALTER TABLE indicator_values ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

PRAGMA user_version = 10;
