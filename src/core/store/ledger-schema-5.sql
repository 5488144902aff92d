-- Target Ledger schema, version 5: the month's cycle (docs/monthly-cycle.md).
--
-- * period_states: how far the office has got with a plan's month: reviewed
--   (审核) or closed (锁定); a month with no row is open. A month is named
--   by its key, year * 100 + month, so that closing 2026-03 also closes the
--   first quarter's figures (2026-Q1), which end in the same month. Who
--   changed it, when and why is in the change log (entity 'period').
-- * due_days: the day of the month after a period by which its figures are
--   due: a plan's default for a frequency (scope 'frequency', name monthly,
--   quarterly or annual), overridden for a responsible unit (scope 'unit',
--   the unit's name) and for an indicator (scope 'indicator', its code).

CREATE TABLE period_states (
  plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  month_key INTEGER NOT NULL,
  state     TEXT NOT NULL CHECK (state = 'reviewed' OR state = 'closed'),
  PRIMARY KEY (plan_id, month_key)
) WITHOUT ROWID;

CREATE TABLE due_days (
  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  scope   TEXT NOT NULL CHECK (scope = 'frequency' OR scope = 'unit' OR scope = 'indicator'),
  name    TEXT NOT NULL,
  day     INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  PRIMARY KEY (plan_id, scope, name)
) WITHOUT ROWID;

PRAGMA user_version = 5;
