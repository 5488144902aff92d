-- Target Ledger schema, version 2: a leaner value table and change log, so
-- that a large import writes two B-trees a value instead of seven.
--
-- * A value's uuid names it for other offices but nothing looks it up:
--   it needs no index. Values are found by indicator and period (the one
--   unique index); the "latest" order sorts an indicator's few rows.
-- * The change log shares what a transaction's changes have in common —
--   when, by whom, from where — in one change set, and its rows lose the
--   uuid nobody reads. Ids are kept, so the log's order stays.
-- * The log finds an entity's changes by the entity's integer id (a plan's,
--   a task's, an indicator's, for values their indicator's) and then its
--   uuid: ids grow as rows are written, so the index mostly appends, where
--   an index of random uuids splits pages all over. An entity deleted
--   before version 2 keeps its uuid and no id.
-- * CHECKs compare with each allowed word in turn: an IN list makes SQLite
--   build a temporary index every time a statement runs.

CREATE TABLE values_v2 (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  period_key   INTEGER NOT NULL,
  value        REAL,
  status       TEXT NOT NULL DEFAULT '' CHECK (status = '' OR status = 'not_started' OR status = 'in_progress' OR
                                             status = 'done' OR status = 'behind'),
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, period)
);
INSERT INTO values_v2 SELECT id, uuid, indicator_id, period, period_key, value, status, note, source,
                             updated_at, updated_by FROM indicator_values ORDER BY id;
DROP TABLE indicator_values;
ALTER TABLE values_v2 RENAME TO indicator_values;

-- Every change belongs to one set: the changes one transaction made from
-- one origin (an import of several packages makes a set per package).
CREATE TABLE change_sets (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  by     TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT ''
);
INSERT INTO change_sets (at, by, origin)
  SELECT at, by, origin FROM changes GROUP BY at, by, origin ORDER BY min (id);

CREATE TABLE changes_v2 (
  id          INTEGER PRIMARY KEY,
  change_set  INTEGER NOT NULL REFERENCES change_sets (id),
  action      TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
  entity      TEXT NOT NULL,
  entity_uuid TEXT NOT NULL,
  entity_id   INTEGER,
  period      TEXT NOT NULL DEFAULT '',
  old         TEXT,
  new         TEXT
);
INSERT INTO changes_v2
  SELECT c.id, s.id, c.action, c.entity, c.entity_uuid,
         CASE c.entity WHEN 'plan' THEN (SELECT id FROM plans WHERE uuid = c.entity_uuid)
                       WHEN 'task' THEN (SELECT id FROM tasks WHERE uuid = c.entity_uuid)
                       ELSE (SELECT id FROM indicators WHERE uuid = c.entity_uuid) END,
         c.period, c.old, c.new
  FROM changes c JOIN change_sets s ON s.at = c.at AND s.by = c.by AND s.origin = c.origin
  ORDER BY c.id;
DROP TABLE changes;
ALTER TABLE changes_v2 RENAME TO changes;
CREATE INDEX changes_entity ON changes (entity_id);

PRAGMA user_version = 2;
