-- Target Ledger schema, version 9: a region's copy of a city's plan
-- (docs/regions.md).
--
-- * plans gains for_region_code and for_region_name: the region whose copy
--   of a city's plan this is (a county's own ledger, from the city's
--   "Export a Region's Plan"), or '' for a plan of its own. Its figures go
--   back to the city's ledger under that region.

ALTER TABLE plans ADD COLUMN for_region_code TEXT NOT NULL DEFAULT '' CHECK (length (for_region_code) <= 32);
ALTER TABLE plans ADD COLUMN for_region_name TEXT NOT NULL DEFAULT '';

PRAGMA user_version = 9;
