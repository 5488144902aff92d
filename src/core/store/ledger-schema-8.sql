-- Target Ledger schema, version 8: the regions' rankings and 考核评分
-- (docs/regions.md, Rankings and Scoring).
--
-- * ranking_weights: an indicator's weight in the composite ranking, where
--   it is not the default 1 (0 leaves it out).
-- * scoring_schemes: a plan's scoring, if it has one: the points for
--   completion, for first place and less for each place lower, and how far
--   above pace a score counts.
-- * score_adjustments: the office's 加分 (points > 0) and 扣分 (< 0) for a
--   region (its code) or a responsible unit (its name) in a period, with
--   why, when and by whom.

CREATE TABLE ranking_weights (
  indicator_id INTEGER PRIMARY KEY REFERENCES indicators (id) ON DELETE CASCADE,
  weight       REAL NOT NULL CHECK (weight >= 0)
);

CREATE TABLE scoring_schemes (
  plan_id           INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  completion_points REAL NOT NULL CHECK (completion_points >= 0),
  rank_first        REAL NOT NULL CHECK (rank_first >= 0),
  rank_step         REAL NOT NULL CHECK (rank_step >= 0),
  cap               REAL NOT NULL CHECK (cap >= 1)
);

CREATE TABLE score_adjustments (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('region', 'unit')),
  subject      TEXT NOT NULL CHECK (subject != ''),
  points       REAL NOT NULL,
  reason       TEXT NOT NULL CHECK (reason != ''),
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX score_adjustments_period ON score_adjustments (plan_id, period);

PRAGMA user_version = 8;
