-- Target Ledger schema, version 6: 佐证材料, the files that back a figure or
-- a task's progress (docs/attachments.md).
--
-- * attachment_blobs: each file's bytes once, whatever it is called and
--   wherever it is attached, under the SHA-256 of its content (64 hex
--   digits, lower case) with its size in bytes.
-- * attachments: a file attached to an indicator's period (its value, or a
--   task's progress in that period), with the name it had, its media type,
--   when and by whom it was added. A name is attached once to a period.

CREATE TABLE attachment_blobs (
  sha256   TEXT NOT NULL PRIMARY KEY CHECK (length (sha256) = 64),
  size     INTEGER NOT NULL CHECK (size >= 0),
  content  BLOB NOT NULL
);

CREATE TABLE attachments (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  name         TEXT NOT NULL CHECK (name != ''),
  media_type   TEXT NOT NULL DEFAULT 'application/octet-stream',
  sha256       TEXT NOT NULL REFERENCES attachment_blobs (sha256),
  added_at     TEXT NOT NULL,
  added_by     TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, period, name)
);
CREATE INDEX attachments_blob ON attachments (sha256);

PRAGMA user_version = 6;
