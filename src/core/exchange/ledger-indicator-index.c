/* ledger-indicator-index.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-indicator-index"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-indicator-index.h"
#include "ledger-store-plan-values.h"

/* The ledger's indicators as the imports look them up — a CSV file by
 * code or name (alone or after its plan's code or title), a data package
 * by UUID — and the rules of which periods each takes, read once from the
 * store's plans. Also the ledger's value of a cell, and what writing a
 * value there would do. Used by one thread at a time. */

/* An indicator with the plan it belongs to. */
typedef struct
{
  LedgerPlan      *plan;
  LedgerIndicator *indicator;
  char            *folded;    /* its name as worded (ledger_indicator_index_fold_name()) */
  gunichar        *chars;     /* and as characters, to tell a close name */
  glong            n_chars;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->folded);
  g_free (entry->chars);
  g_free (entry);
}

struct _LedgerIndicatorIndex
{
  LedgerStore *store;
  GPtrArray   *plans;
  GPtrArray   *entries;    /* of Entry, owning */
  GHashTable  *by_code;    /* [plan "\x1f"] code → GPtrArray of Entry */
  GHashTable  *by_name;    /* [plan "\x1f"] name → GPtrArray of Entry */
  GHashTable  *by_wording; /* [plan "\x1f"] name as worded (ledger_indicator_index_fold_name()) → GPtrArray of Entry */
  GHashTable  *suggested;  /* name not found → the close one suggested, or "" */
  GHashTable  *by_uuid;    /* lower-case UUID → Entry */
  GHashTable  *by_object;  /* indicator → Entry */
  LedgerValueCells *cells; /* the values of the plans read so far */
  GHashTable  *read_plans; /* plan → 1 if its values are in cells, 2 if they could not be read */
  GHashTable  *histories;  /* "id\x1fregion" → the cell's values, for the checks on entry */
  GString     *key;
};

static void
index_key (GHashTable *table,
           const char *key,
           Entry      *entry)
{
  GPtrArray *entries = g_hash_table_lookup (table, key);

  if (entries == NULL)
    {
      entries = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (key), entries);
    }
  g_ptr_array_add (entries, entry);
}

/* Under @key alone and after the plan's code and title. */
static void
index_names (GHashTable *table,
             const char *key,
             Entry      *entry)
{
  const char *plan_names[] = { ledger_plan_get_code (entry->plan),
                               ledger_node_get_title (LEDGER_NODE (entry->plan)) };

  index_key (table, key, entry);
  for (guint i = 0; i < G_N_ELEMENTS (plan_names); i++)
    {
      g_autofree char *plan_key = g_strconcat (plan_names[i], "\x1f", key, NULL);

      if (i == 0 || !g_str_equal (plan_names[0], plan_names[i]))
        index_key (table, plan_key, entry);
    }
}

static void
index_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  LedgerIndicatorIndex *self = ((gpointer *) user_data)[0];
  Entry *entry = g_new (Entry, 1);

  entry->plan = ((gpointer *) user_data)[1];
  entry->indicator = indicator;
  entry->folded = ledger_indicator_index_fold_name (ledger_indicator_get_name (indicator));
  entry->chars = g_utf8_to_ucs4_fast (entry->folded, -1, &entry->n_chars);
  g_ptr_array_add (self->entries, entry);
  index_names (self->by_code, ledger_indicator_get_code (indicator), entry);
  index_names (self->by_name, ledger_indicator_get_name (indicator), entry);
  index_names (self->by_wording, entry->folded, entry);
  g_hash_table_insert (self->by_uuid, g_ascii_strdown (ledger_indicator_get_uuid (indicator), -1), entry);
  g_hash_table_insert (self->by_object, indicator, entry);
}

/**
 * ledger_indicator_index_new:
 *
 * Reads the ledger's plans. Read the index in the same read transaction
 * as the values it is used with.
 *
 * Returns: (transfer full): the index, or %NULL with @error set when the
 *   ledger cannot be read
 */
LedgerIndicatorIndex *
ledger_indicator_index_new (LedgerStore  *store,
                            GError      **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  LedgerIndicatorIndex *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  if ((plans = ledger_store_list_plans (store, error)) == NULL)
    return NULL;
  self = g_new0 (LedgerIndicatorIndex, 1);
  self->store = g_object_ref (store);
  self->plans = g_steal_pointer (&plans);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->by_wording = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_object = g_hash_table_new (NULL, NULL);
  self->cells = ledger_value_cells_new ();
  self->read_plans = g_hash_table_new (NULL, NULL);
  self->histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->key = g_string_new (NULL);
  for (guint p = 0; p < self->plans->len; p++)
    {
      gpointer context[] = { self, g_ptr_array_index (self->plans, p) };

      ledger_plan_foreach_indicator (context[1], index_indicator, context);
    }
  return self;
}

void
ledger_indicator_index_free (LedgerIndicatorIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_code);
  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->by_wording);
  g_hash_table_unref (self->suggested);
  g_hash_table_unref (self->by_uuid);
  g_hash_table_unref (self->by_object);
  ledger_value_cells_free (self->cells);
  g_hash_table_unref (self->read_plans);
  g_hash_table_unref (self->histories);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->plans);
  g_string_free (self->key, TRUE);
  g_object_unref (self->store);
  g_free (self);
}

/* How well @entry fits: 2 when the period is of its plan's own years, 1
 * when it is of the base year before them (同期), 0 when @plan names
 * another plan or the year is not one the plan holds. */
static int
entry_fit (Entry              *entry,
           const char         *plan,
           const LedgerPeriod *period)
{
  if (plan[0] != '\0' &&
      !g_str_equal (plan, ledger_plan_get_code (entry->plan)) &&
      !g_str_equal (plan, ledger_node_get_title (LEDGER_NODE (entry->plan))))
    return 0;
  if (ledger_plan_covers_year (entry->plan, period->year))
    return 2;
  return ledger_plan_holds_year (entry->plan, period->year) ? 1 : 0;
}

/**
 * ledger_indicator_index_fold_name:
 *
 * A name as the report words it, with what offices write differently
 * left out: spaces, punctuation and symbols, full-width forms, case.
 * "规上工业增加值（增速）" and "规上工业增加值 增速" fold alike.
 *
 * Returns: (transfer full): the folded name
 */
char *
ledger_indicator_index_fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *c = folded; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (!g_unichar_isspace (ch) && !g_unichar_ispunct (ch))
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* The entry among @candidates that fits best, or NULL; @ambiguous says
 * whether two fit as well. */
static LedgerIndicator *
best_candidate (GPtrArray          *candidates,
                const char         *plan,
                const LedgerPeriod *period,
                gboolean           *ambiguous)
{
  LedgerIndicator *found = NULL;
  int best = 0;

  *ambiguous = FALSE;
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      Entry *entry = g_ptr_array_index (candidates, i);
      int fit = entry_fit (entry, plan, period);

      if (fit == 0 || fit < best)
        continue;
      *ambiguous = fit == best;
      best = fit;
      found = entry->indicator;
    }
  return found;
}

static GPtrArray *
lookup (LedgerIndicatorIndex *self,
        GHashTable           *table,
        const char           *plan,
        const char           *key)
{
  g_string_assign (self->key, plan);
  if (plan[0] != '\0')
    g_string_append_c (self->key, '\x1f');
  g_string_append (self->key, key);
  return g_hash_table_lookup (table, self->key->str);
}

/* Edit distance of two strings of characters, up to @limit + 1; @row
 * holds @len_b + 1. */
static guint
distance (const gunichar *a,
          glong           len_a,
          const gunichar *b,
          glong           len_b,
          guint           limit,
          guint          *row)
{
  if ((guint) ABS (len_a - len_b) > limit)
    return limit + 1;
  for (glong j = 0; j <= len_b; j++)
    row[j] = j;
  for (glong i = 1; i <= len_a; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= len_b; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return MIN (row[len_b], limit + 1);
}

/* How close a folded name is to @entry's: 0 for unrelated, higher for
 * closer. One inside the other, or a few characters apart (one in four). */
static guint
closeness (const char     *folded,
           const gunichar *chars,
           glong           n_chars,
           Entry          *entry,
           guint          *row)
{
  guint limit, edits;

  if (MIN (n_chars, entry->n_chars) >= 2 &&
      (strstr (folded, entry->folded) != NULL || strstr (entry->folded, folded) != NULL))
    return 1000 - ABS (n_chars - entry->n_chars);
  limit = MAX (n_chars, entry->n_chars) / 4;
  edits = distance (chars, n_chars, entry->chars, entry->n_chars, limit, row);
  return edits <= limit ? 900 - edits : 0;
}

/* The name of the indicator closest to @folded, or "" for none. */
static const char *
suggest (LedgerIndicatorIndex *self,
         const char           *folded)
{
  const char *suggestion = g_hash_table_lookup (self->suggested, folded);
  g_autofree gunichar *chars = NULL;
  g_autofree guint *row = NULL;
  glong n_chars, longest = 0;
  guint best = 0;

  if (suggestion != NULL)
    return suggestion;
  suggestion = "";
  chars = g_utf8_to_ucs4_fast (folded, -1, &n_chars);
  for (guint i = 0; i < self->entries->len; i++)
    longest = MAX (longest, ((Entry *) g_ptr_array_index (self->entries, i))->n_chars);
  row = g_new (guint, longest + 1);
  for (guint i = 0; n_chars > 0 && i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      guint close = closeness (folded, chars, n_chars, entry, row);

      if (close > best)
        {
          best = close;
          suggestion = ledger_indicator_get_name (entry->indicator);
        }
    }
  g_hash_table_insert (self->suggested, g_strdup (folded), g_strdup (suggestion));
  return g_hash_table_lookup (self->suggested, folded);
}

static char *
not_found (LedgerIndicatorIndex *self,
           LedgerIndicatorKey    by,
           const char           *key,
           const char           *folded,
           const LedgerPeriod   *period)
{
  const char *suggestion = by == LEDGER_INDICATOR_BY_NAME ? suggest (self, folded) : "";

  if (suggestion[0] != '\0')
    return g_strdup_printf (_("There is no indicator “%s” for %d; did you mean “%s”?"), key,
                            period->year, suggestion);
  return g_strdup_printf (_("There is no indicator “%s” for %d"), key, period->year);
}

/**
 * ledger_indicator_index_find:
 * @plan: the plan's code or title, or "" for any plan
 * @key: the indicator's code or name, as @by says
 * @reason: (out) (optional): why none is found, in the office's words
 *
 * Finds the one indicator a file means for @period: within @plan (if
 * given) whose years hold the period's year — a plan of that very year
 * before one whose base year it is (2026 is the 2027 plan's base year).
 * A name is matched as written, else as the report words it
 * (ledger_indicator_index_fold_name()); a name close to one of the
 * ledger's is not taken, but suggested in @reason. Whether the indicator
 * takes @period is ledger_indicator_index_fit()'s to say.
 *
 * Returns: (transfer none) (nullable): the indicator
 */
LedgerIndicator *
ledger_indicator_index_find (LedgerIndicatorIndex  *self,
                             LedgerIndicatorKey     by,
                             const char            *plan,
                             const char            *key,
                             const LedgerPeriod    *period,
                             char                 **reason)
{
  g_autofree char *folded = NULL;
  LedgerIndicator *found;
  gboolean ambiguous;

  found = best_candidate (lookup (self, by == LEDGER_INDICATOR_BY_CODE ? self->by_code : self->by_name,
                                  plan, key),
                          plan, period, &ambiguous);
  if (found == NULL && by == LEDGER_INDICATOR_BY_NAME)
    {
      folded = ledger_indicator_index_fold_name (key);
      found = best_candidate (lookup (self, self->by_wording, plan, folded), plan, period, &ambiguous);
    }
  if (ambiguous)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("“%s” is in several plans; add a “plan” column"), key);
      return NULL;
    }
  if (found == NULL && reason != NULL)
    *reason = not_found (self, by, key, folded, period);
  return found;
}

/* Returns: (transfer none) (nullable): the indicator of @uuid, in lower
 * case as packages are read */
LedgerIndicator *
ledger_indicator_index_find_uuid (LedgerIndicatorIndex *self,
                                  const char           *uuid)
{
  Entry *entry = g_hash_table_lookup (self->by_uuid, uuid);

  return entry != NULL ? entry->indicator : NULL;
}

/* Whether @indicator, one of the index's, takes a value of @period: one
 * of its own periods (ledger_indicator_has_period()) in a year its plan
 * holds (ledger_plan_years_hold()). */
LedgerIndicatorFit
ledger_indicator_index_fit (LedgerIndicatorIndex *self,
                            LedgerIndicator      *indicator,
                            const LedgerPeriod   *period)
{
  Entry *entry = g_hash_table_lookup (self->by_object, indicator);

  g_return_val_if_fail (entry != NULL, LEDGER_INDICATOR_OUTSIDE_YEARS);

  if (!ledger_indicator_has_period (indicator, period))
    return LEDGER_INDICATOR_NOT_ITS_PERIOD;
  if (!ledger_plan_holds_year (entry->plan, period->year))
    return LEDGER_INDICATOR_OUTSIDE_YEARS;
  return LEDGER_INDICATOR_TAKES;
}

/* Whether the values of @indicator's plan are in the index's cells: read
 * all at once, when the first of its cells is asked for. */
static gboolean
plan_cells_read (LedgerIndicatorIndex *self,
                 LedgerIndicator      *indicator)
{
  Entry *entry = g_hash_table_lookup (self->by_object, indicator);
  int known;

  g_return_val_if_fail (entry != NULL, FALSE);

  known = GPOINTER_TO_INT (g_hash_table_lookup (self->read_plans, entry->plan));
  if (known == 0)
    {
      g_autoptr(GError) error = NULL;

      known = ledger_store_read_plan_cells (self->store, ledger_node_get_id (LEDGER_NODE (entry->plan)),
                                            self->cells, &error) ? 1 : 2;
      if (known == 2)
        g_debug ("Reading the values cell by cell: %s", error->message);
      g_hash_table_insert (self->read_plans, entry->plan, GINT_TO_POINTER (known));
    }
  return known == 1;
}

/**
 * ledger_indicator_index_get_value:
 *
 * The ledger's value of a city's cell: as ledger_indicator_index_get_cell()
 * with no region.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL for none
 */
LedgerValue *
ledger_indicator_index_get_value (LedgerIndicatorIndex *self,
                                  LedgerIndicator      *indicator,
                                  const char           *period)
{
  return ledger_indicator_index_get_cell (self, indicator, "", period);
}

/**
 * ledger_indicator_index_classify:
 * @value: a value of @indicator, to write
 * @old: (out) (transfer full) (optional) (nullable): the ledger's value
 *   of its cell, or %NULL for none
 *
 * Returns: what writing @value would do: %LEDGER_IMPORT_ADD,
 *   %LEDGER_IMPORT_CHANGE or %LEDGER_IMPORT_UNCHANGED
 */
LedgerImportAction
ledger_indicator_index_classify (LedgerIndicatorIndex  *self,
                                 LedgerIndicator       *indicator,
                                 LedgerValue           *value,
                                 LedgerValue          **old)
{
  g_autoptr(LedgerValue) in_ledger = ledger_indicator_index_get_cell (self, indicator,
                                                                      ledger_value_get_region (value),
                                                                      ledger_value_get_period (value));
  LedgerImportAction action = ledger_import_classify (in_ledger, value);

  if (old != NULL)
    *old = g_steal_pointer (&in_ledger);
  return action;
}

/**
 * ledger_indicator_index_get_cell:
 * @region: a region's code, or "" for the city
 *
 * The ledger's value of a cell. The values of the cell's plan are read
 * all at once, the first time one of them is asked for (one statement a
 * plan, not one a row: on the office's server each is a round trip), and
 * handed over as they are asked for: a cell asked for again is read from
 * the store again.
 *
 * Returns: (transfer full) (nullable): the ledger's value of @indicator
 *   for @region and @period, or %NULL for none
 */
LedgerValue *
ledger_indicator_index_get_cell (LedgerIndicatorIndex *self,
                                 LedgerIndicator      *indicator,
                                 const char           *region,
                                 const char           *period)
{
  gint64 id = ledger_indicator_get_id (indicator);
  LedgerValue *value = NULL;

  if (region == NULL)
    region = "";
  if (plan_cells_read (self, indicator))
    {
      LedgerCellState state = ledger_value_cells_take (self->cells, id, region, period, &value);

      if (state != LEDGER_CELL_UNKNOWN)
        return value;
    }
  return ledger_store_get_region_value (self->store, id, region, period);
}

/**
 * ledger_indicator_index_get_history:
 * @region: a region's code, or "" for the city
 *
 * Returns: (transfer none): the ledger's values of @indicator for
 *   @region, which the checks on entry read a new figure against; read
 *   once per index
 */
GListModel *
ledger_indicator_index_get_history (LedgerIndicatorIndex *self,
                                    LedgerIndicator      *indicator,
                                    const char           *region)
{
  gint64 id = ledger_indicator_get_id (indicator);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", id, region != NULL ? region : "");
  GListModel *history = g_hash_table_lookup (self->histories, key);

  if (history != NULL)
    return history;
  /* A new ledger's import reads no history: its plan's values said there is none. */
  if (plan_cells_read (self, indicator) && !ledger_value_cells_has_any (self->cells, id, region))
    history = G_LIST_MODEL (g_list_store_new (LEDGER_TYPE_VALUE));
  else if (region == NULL || region[0] == '\0')
    history = ledger_store_list_values (self->store, id);
  else
    history = ledger_store_list_region_values (self->store, id, region);
  g_hash_table_insert (self->histories, g_steal_pointer (&key), history);
  return history;
}

/* Returns: (transfer none): the plan of @indicator, one of the index's */
LedgerPlan *
ledger_indicator_index_get_plan (LedgerIndicatorIndex *self,
                                 LedgerIndicator      *indicator)
{
  Entry *entry = g_hash_table_lookup (self->by_object, indicator);

  g_return_val_if_fail (entry != NULL, NULL);
  return entry->plan;
}

/**
 * ledger_indicator_index_find_region:
 * @code_or_name: a region's code, or its name: one of the plan's regions,
 *   as ledger_store_list_plans() gives them
 * @reason: (out) (transfer full) (optional): why none is found, for the
 *   user
 *
 * Returns: (transfer none) (nullable): the region of @indicator's plan
 *   that @code_or_name names
 */
const LedgerRegion *
ledger_indicator_index_find_region (LedgerIndicatorIndex  *self,
                                    LedgerIndicator       *indicator,
                                    const char            *code_or_name,
                                    char                 **reason)
{
  LedgerPlan *plan = ledger_indicator_index_get_plan (self, indicator);
  LedgerRegion *region = ledger_regions_find (ledger_plan_get_regions (plan), code_or_name);

  if (region == NULL && reason != NULL)
    *reason = ledger_region_not_found_reason (plan, ledger_plan_get_regions (plan), code_or_name);
  return region;
}

/**
 * ledger_region_not_found_reason:
 * @regions: (element-type LedgerRegion): @plan's regions
 *
 * Returns: (transfer full): why @written names no region of @plan, with
 *   the regions it has, for the user
 */
char *
ledger_region_not_found_reason (LedgerPlan *plan,
                                GPtrArray  *regions,
                                const char *written)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "、" : "", ((LedgerRegion *) regions->pdata[i])->name);
  if (names->len == 0)
    return g_strdup_printf (_("“%s” is not a region: the plan “%s” has none"), written,
                            ledger_node_get_title (LEDGER_NODE (plan)));
  return g_strdup_printf (_("“%s” is not a region of the plan “%s”; its regions are %s"), written,
                          ledger_node_get_title (LEDGER_NODE (plan)), names->str);
}
