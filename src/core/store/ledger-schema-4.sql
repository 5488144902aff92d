-- Target Ledger schema: lead and supporting units, milestones and
-- sub-items (docs/domain.md, Follow-up).
--
-- * tasks.lead_unit: the task's lead unit (牵头单位); an indicator's is its
--   responsible_unit.
-- * supporting_units: the supporting units (配合单位) of a task or an
--   indicator, in their order, one per line.
-- * milestones (时间节点): what is due by a date, of a task or an indicator
--   (owner_uuid), marked done with a date and a note; share is the part of
--   the year's target due by then in percent, or NULL.
-- * sub_items: a task's concrete items, each with its own status.
--
-- Both follow their owner: the store deletes a task's or an indicator's
-- with it (a ledger has no triggers: docs/safety.md).

ALTER TABLE tasks ADD COLUMN lead_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN supporting_units TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN supporting_units TEXT NOT NULL DEFAULT '';

CREATE TABLE milestones (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  owner_uuid TEXT NOT NULL,
  position   INTEGER NOT NULL,
  due        TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  what       TEXT NOT NULL,
  share      REAL CHECK (share IS NULL OR (share >= 0 AND share <= 100)),
  done_on    TEXT NOT NULL DEFAULT ''
             CHECK (done_on = '' OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  done_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX milestones_owner ON milestones (owner_uuid, position);

CREATE TABLE sub_items (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  owner_uuid TEXT NOT NULL,
  position   INTEGER NOT NULL,
  title      TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'not_started'
             CHECK (status = 'not_started' OR status = 'in_progress' OR status = 'done' OR
                    status = 'behind'),
  note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sub_items_owner ON sub_items (owner_uuid, position);

PRAGMA user_version = 4;
