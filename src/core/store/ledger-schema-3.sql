-- Target Ledger schema, version 3: how each indicator is paced and read
-- (docs/plan-format.md).
--
-- * profile: linear, seasonal, custom, year_end or milestone; custom_shares
--   the office's shares by month ("3:30,6:60"), due_month a milestone's month.
-- * january: whether January is released on its own (separate) or only
--   with February as 1-2月 (combined).
-- * commitment: the report's 确保 (firm) or 力争 (strive), or none.
-- * unit_confirmed: the responsible unit is a proposal until the office
--   confirms it; every unit of an older ledger is one.
-- * better may be none: a target to stay about (稳定在…左右), off either way.
--
-- SQLite cannot change a CHECK in place: the indicators are copied into a
-- new table. Their values are copied too, first, into a table that refers
-- to the new one, so that dropping the old indicators (whose values would
-- go with them, ON DELETE CASCADE) finds no values left to take along.
-- Ids stay, and with them every reference.

CREATE TABLE indicators_v3 (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  plan_id          INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  task_id          INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  unit             TEXT NOT NULL DEFAULT '',
  kind             TEXT NOT NULL CHECK (kind = 'cumulative' OR kind = 'rate' OR kind = 'level' OR
                                        kind = 'qualitative'),
  comparator       TEXT NOT NULL CHECK (comparator = 'none' OR comparator = 'at_least' OR
                                        comparator = 'about' OR comparator = 'at_most'),
  better           TEXT NOT NULL CHECK (better = 'higher' OR better = 'lower' OR better = 'none'),
  target           REAL,
  frequency        TEXT NOT NULL CHECK (frequency = 'monthly' OR frequency = 'quarterly' OR
                                        frequency = 'annual'),
  responsible_unit TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  source_text      TEXT NOT NULL DEFAULT '',
  profile          TEXT NOT NULL DEFAULT 'linear'
                   CHECK (profile = 'linear' OR profile = 'seasonal' OR profile = 'custom' OR
                          profile = 'year_end' OR profile = 'milestone'),
  custom_shares    TEXT NOT NULL DEFAULT '',
  due_month        INTEGER NOT NULL DEFAULT 12 CHECK (due_month BETWEEN 1 AND 12),
  january          TEXT NOT NULL DEFAULT 'combined' CHECK (january = 'combined' OR january = 'separate'),
  commitment       TEXT NOT NULL DEFAULT 'none'
                   CHECK (commitment = 'none' OR commitment = 'firm' OR commitment = 'strive'),
  unit_confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (unit_confirmed = 0 OR unit_confirmed = 1),
  UNIQUE (plan_id, code)
);
INSERT INTO indicators_v3 (id, uuid, plan_id, task_id, position, code, name, unit, kind, comparator,
                           better, target, frequency, responsible_unit, notes, source_text)
  SELECT id, uuid, plan_id, task_id, position, code, name, unit, kind, comparator, better, target,
         frequency, responsible_unit, notes, source_text FROM indicators ORDER BY id;

CREATE TABLE values_v3 (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL,
  indicator_id INTEGER NOT NULL REFERENCES indicators_v3 (id) ON DELETE CASCADE,
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
INSERT INTO values_v3 SELECT id, uuid, indicator_id, period, period_key, value, status, note, source,
                             updated_at, updated_by FROM indicator_values ORDER BY id;

DROP TABLE indicator_values;
DROP TABLE indicators;
-- Renaming the new indicators renames the reference of the new values.
ALTER TABLE indicators_v3 RENAME TO indicators;
ALTER TABLE values_v3 RENAME TO indicator_values;
CREATE INDEX indicators_task ON indicators (task_id, position);

PRAGMA user_version = 3;
