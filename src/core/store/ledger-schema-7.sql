-- Target Ledger schema, version 7: regions (docs/regions.md).
--
-- * regions: a plan's districts, counties and development zones, in order.
--   A region's code is its key here and in files and never changes; its
--   name may. in_total: whether its figures add up to the city's total (a
--   zone's are usually counted by the counties around it already); weight:
--   its share when a target is split by weights, or NULL.
-- * region_targets: an indicator's target split to a region (分解目标).
-- * indicator_values gains region: the region's code, or '' for the city's
--   own figure, and is keyed by indicator, region and period. SQLite cannot
--   change a table's UNIQUE in place: the values are copied into a new
--   table, keeping their ids.

CREATE TABLE regions (
  plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  code     TEXT NOT NULL CHECK (length (code) BETWEEN 1 AND 32),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL CHECK (name != ''),
  kind     TEXT NOT NULL CHECK (kind = 'county' OR kind = 'zone'),
  in_total INTEGER NOT NULL CHECK (in_total = 0 OR in_total = 1),
  weight   REAL CHECK (weight IS NULL OR weight >= 0),
  PRIMARY KEY (plan_id, code),
  UNIQUE (plan_id, name)
) WITHOUT ROWID;

CREATE TABLE region_targets (
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  region       TEXT NOT NULL,
  target       REAL NOT NULL,
  PRIMARY KEY (indicator_id, region)
) WITHOUT ROWID;

CREATE TABLE values_v7 (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  region       TEXT NOT NULL DEFAULT '',
  period       TEXT NOT NULL,
  period_key   INTEGER NOT NULL,
  value        REAL,
  status       TEXT NOT NULL DEFAULT '' CHECK (status = '' OR status = 'not_started' OR status = 'in_progress' OR
                                             status = 'done' OR status = 'behind'),
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, region, period)
);
INSERT INTO values_v7 (id, uuid, indicator_id, region, period, period_key, value, status, note, source,
                       updated_at, updated_by)
  SELECT id, uuid, indicator_id, '', period, period_key, value, status, note, source, updated_at, updated_by
  FROM indicator_values ORDER BY id;
DROP TABLE indicator_values;
ALTER TABLE values_v7 RENAME TO indicator_values;

PRAGMA user_version = 7;
