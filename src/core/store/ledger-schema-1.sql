-- Target Ledger schema, version 1. Applied in one transaction to an empty
-- database; later versions add files ledger-schema-N.sql that migrate N-1 to N.

CREATE TABLE plans (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  region      TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  first_year  INTEGER NOT NULL,
  last_year   INTEGER NOT NULL CHECK (last_year >= first_year)
);

CREATE TABLE areas (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  short_title TEXT NOT NULL
);
CREATE INDEX areas_plan ON areas (plan_id, position);

CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  area_id     INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  text        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tasks_area ON tasks (area_id, position);

CREATE TABLE indicators (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  plan_id          INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  task_id          INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  unit             TEXT NOT NULL DEFAULT '',
  kind             TEXT NOT NULL CHECK (kind IN ('cumulative', 'rate', 'level', 'qualitative')),
  comparator       TEXT NOT NULL CHECK (comparator IN ('none', 'at_least', 'about', 'at_most')),
  better           TEXT NOT NULL CHECK (better IN ('higher', 'lower')),
  target           REAL,
  frequency        TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'annual')),
  responsible_unit TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  source_text      TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, code)
);
CREATE INDEX indicators_task ON indicators (task_id, position);

-- One value per indicator and period. period_key orders periods
-- (year, end month, granularity) so that "latest" is a plain ORDER BY.
CREATE TABLE indicator_values (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  period_key   INTEGER NOT NULL,
  value        REAL,
  status       TEXT NOT NULL DEFAULT '' CHECK (status IN ('', 'not_started', 'in_progress', 'done', 'behind')),
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, period)
);
CREATE INDEX indicator_values_latest ON indicator_values (indicator_id, period_key);

-- The audit log: every insert, update and delete, never edited.
CREATE TABLE changes (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  at          TEXT NOT NULL,
  by          TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity      TEXT NOT NULL,
  entity_uuid TEXT NOT NULL,
  period      TEXT NOT NULL DEFAULT '',
  old         TEXT,
  new         TEXT,
  origin      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX changes_entity ON changes (entity_uuid);

PRAGMA user_version = 1;
