/* ledger-context.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-context"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-context.h"
#include "ledger-city-figures.h"

/* What every page looks through: the store, the "as of" period chosen in
 * the header and the tolerances of the preferences. Pages and rows follow
 * its notifications; none keeps a copy. */
struct _LedgerContext
{
  GObject           parent_instance;

  LedgerStore      *store;
  char             *as_of;
  LedgerTolerances  tolerances;
  /* Until the user picks a period, the default one of this plan: the one
   * that shows its latest value. It is decided here, once for each write,
   * before the views hear of the write. */
  LedgerPlan       *plan;
  gboolean          as_of_is_default;

  /* Standings already worked out for the current period and tolerances:
   * the sidebar, the overview and the rows ask for the same ones. They are
   * kept for each period seen ("" for none), so that going back to one
   * reads nothing: @standings is the current period's. */
  GHashTable       *standings;
  GHashTable       *standings_by_period;
  GHashTable       *derived;    /* what is worked out from the standings, by key (ledger_context_lookup_derived()) */
  /* What the follow-up says of an indicator on a day ("id/day" → a
   * FollowUp): the pages ask again on every visit, and on the server each
   * asking is two round trips. Cleared with the standings. */
  GHashTable       *follow_up;
  /* The city's figures, read a plan at a time; forgotten per indicator
   * as the store says it was written. */
  LedgerCityFigures *figures;

  /* The day milestones of the current period are judged on; NULL: the
   * clock's (ledger_context_set_today()). */
  GDateTime        *today;
};

typedef struct
{
  LedgerProgress  progress;
  LedgerValue    *value;
} Standing;

static void
standing_free (Standing *standing)
{
  g_clear_object (&standing->value);
  g_free (standing);
}

G_DEFINE_FINAL_TYPE (LedgerContext, ledger_context, G_TYPE_OBJECT)

/* Makes the standings of the current period the ones looked up. */
static void
select_standings (LedgerContext *self)
{
  const char *period = self->as_of != NULL ? self->as_of : "";

  self->standings = g_hash_table_lookup (self->standings_by_period, period);
  if (self->standings != NULL)
    return;
  self->standings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) standing_free);
  g_hash_table_insert (self->standings_by_period, g_strdup (period), self->standings);
}

/* After a change of plans, tolerances or the day: nothing worked out
 * before holds. */
static void
forget_everything (LedgerContext *self)
{
  g_hash_table_remove_all (self->standings_by_period);
  select_standings (self);
  g_hash_table_remove_all (self->derived);
  g_hash_table_remove_all (self->follow_up);
}

/* After a write of one indicator: its standings in every period. What is
 * derived may depend on any standing, and the follow-up on the write. */
static void
forget_indicator (LedgerContext *self,
                  gint64         indicator_id)
{
  GHashTableIter iter;
  GHashTable *standings;

  g_hash_table_iter_init (&iter, self->standings_by_period);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &standings))
    g_hash_table_remove (standings, &indicator_id);
  g_hash_table_remove_all (self->derived);
  g_hash_table_remove_all (self->follow_up);
}

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_OF,
  PROP_TOLERANCES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
ledger_context_finalize (GObject *object)
{
  LedgerContext *self = LEDGER_CONTEXT (object);

  g_clear_object (&self->figures);
  g_clear_object (&self->store);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->standings_by_period, g_hash_table_unref);
  g_clear_pointer (&self->derived, g_hash_table_unref);
  g_clear_pointer (&self->follow_up, g_hash_table_unref);
  g_clear_pointer (&self->today, g_date_time_unref);

  G_OBJECT_CLASS (ledger_context_parent_class)->finalize (object);
}

static void
ledger_context_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LedgerContext *self = LEDGER_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_AS_OF: g_value_set_string (value, self->as_of); break;
    case PROP_TOLERANCES: g_value_set_pointer (value, &self->tolerances); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LedgerContext *self = LEDGER_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      self->figures = ledger_city_figures_new (self->store);
      break;
    case PROP_AS_OF: ledger_context_set_as_of (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_context_class_init (LedgerContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_context_finalize;
  object_class->get_property = ledger_context_get_property;
  object_class->set_property = ledger_context_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LEDGER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TOLERANCES] =
    g_param_spec_pointer ("tolerances", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedgerContext::changed:
   * @indicator_id: the indicator whose standing may have changed, or 0
   *   for all of them (new values, another period, other tolerances)
   *
   * The one signal the views follow: the standings are fresh when it is
   * emitted.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
ledger_context_init (LedgerContext *self)
{
  ledger_tolerances_init_default (&self->tolerances);
  self->standings_by_period = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_hash_table_unref);
  select_standings (self);
  self->derived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->follow_up = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
plans_changed_cb (LedgerContext *self)
{
  ledger_city_figures_forget (self->figures, 0);
  forget_everything (self);
}

static char *
default_as_of (LedgerContext *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return ledger_store_get_default_as_of (self->store, self->plan, now);
}

/* Replaces the period without telling the views: the caller does, once. */
static gboolean
replace_as_of (LedgerContext *self,
               const char    *as_of)
{
  if (g_strcmp0 (self->as_of, as_of) == 0)
    return FALSE;
  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  select_standings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AS_OF]);
  return TRUE;
}

/* Connected before any view's handler, so that views read fresh standings.
 * One write is one "changed", also when the default period moves with it:
 * the first figures of 1-11月 move the view to 1-11月 in the same refresh. */
static void
values_changed_cb (LedgerContext *self,
                   gint64         indicator_id)
{
  g_autofree char *as_of = NULL;

  ledger_city_figures_forget (self->figures, indicator_id);
  if (self->as_of_is_default && self->plan != NULL)
    as_of = default_as_of (self);
  if (as_of != NULL && replace_as_of (self, as_of))
    indicator_id = 0;
  if (indicator_id == 0)
    forget_everything (self);
  else
    forget_indicator (self, indicator_id);
  g_signal_emit (self, signals [CHANGED], 0, indicator_id);
}

LedgerContext *
ledger_context_new (LedgerStore *store)
{
  LedgerContext *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  self = g_object_new (LEDGER_TYPE_CONTEXT, "store", store, NULL);
  g_signal_connect_object (store, "values-changed", G_CALLBACK (values_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "plans-changed", G_CALLBACK (plans_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

LedgerStore *
ledger_context_get_store (LedgerContext *self)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);
  return self->store;
}

/* Returns: (nullable): the period code the views show, e.g. "2026-10" */
const char *
ledger_context_get_as_of (LedgerContext *self)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);
  return self->as_of;
}

void
ledger_context_set_as_of (LedgerContext *self,
                          const char    *as_of)
{
  g_return_if_fail (LEDGER_IS_CONTEXT (self));

  self->as_of_is_default = FALSE;
  if (replace_as_of (self, as_of))
    g_signal_emit (self, signals [CHANGED], 0, (gint64) 0);
}

/**
 * ledger_context_follow_default_as_of:
 * @plan: the plan shown
 *
 * Shows @plan as of its default period (the one of its latest value, or
 * else the last month that has ended), and keeps to the default as
 * values are written, until ledger_context_set_as_of() picks another.
 */
void
ledger_context_follow_default_as_of (LedgerContext *self,
                                     LedgerPlan    *plan)
{
  g_autofree char *as_of = NULL;

  g_return_if_fail (LEDGER_IS_CONTEXT (self));
  g_return_if_fail (LEDGER_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  self->as_of_is_default = TRUE;
  as_of = default_as_of (self);
  if (replace_as_of (self, as_of))
    g_signal_emit (self, signals [CHANGED], 0, (gint64) 0);
}

/* Returns: whether the period is the plan's default, not one picked */
gboolean
ledger_context_get_as_of_is_default (LedgerContext *self)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), FALSE);
  return self->as_of_is_default;
}

const LedgerTolerances *
ledger_context_get_tolerances (LedgerContext *self)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);
  return &self->tolerances;
}

void
ledger_context_set_tolerances (LedgerContext          *self,
                               const LedgerTolerances *tolerances)
{
  g_return_if_fail (LEDGER_IS_CONTEXT (self));
  g_return_if_fail (tolerances != NULL);

  if (memcmp (&self->tolerances, tolerances, sizeof *tolerances) == 0)
    return;
  self->tolerances = *tolerances;
  forget_everything (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOLERANCES]);
  g_signal_emit (self, signals [CHANGED], 0, (gint64) 0);
}

typedef struct
{
  LedgerCityFigures *figures;
  gint64             indicator_id;
} Lookup;

static LedgerValue *
find_in_store (const char *period,
               gpointer    user_data)
{
  Lookup *lookup = user_data;

  return ledger_city_figures_get (lookup->figures, lookup->indicator_id, period);
}

/* The base year's figures for @value's period, NAN where the ledger has
 * none. */
static LedgerBaseYear
read_base_year (LedgerContext *self,
                LedgerValue   *value)
{
  Lookup lookup = { self->figures, value != NULL ? ledger_value_get_indicator_id (value) : 0 };

  return ledger_base_year_read (value != NULL ? ledger_value_get_period (value) : NULL,
                                find_in_store, &lookup);
}

/* The follow-up overrides what the figures say (docs/domain.md,
 * Follow-up): a milestone of the indicator or its task past due and not
 * done as of @period makes it overdue, a sub-item of its task behind makes
 * it behind; a target achieved or a task done stays so. */
/* Now, in the local time zone read once: GLib reads /etc/localtime again
 * for every g_date_time_new_now_local(), which an export of 100 000
 * values asked for once each (two seconds of system time). */
static GDateTime *
now_local (void)
{
  static GTimeZone *local;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());
  return g_date_time_new_now (local);
}

static char *
reference_day (LedgerContext *self,
               const char    *period)
{
  g_autoptr(GDateTime) now = self->today != NULL ? g_date_time_ref (self->today) : now_local ();

  return ledger_follow_up_reference_date (period, now);
}

/**
 * ledger_context_dup_reference_day:
 *
 * Returns: (transfer full): the day milestones are judged on as of the
 *   chosen period, YYYY-MM-DD (docs/domain.md, Follow-up)
 */
char *
ledger_context_dup_reference_day (LedgerContext *self)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);
  return reference_day (self, self->as_of);
}

static LedgerMilestone *
find_missed (LedgerContext   *self,
             LedgerIndicator *indicator,
             const char      *period)
{
  g_autofree char *today = reference_day (self, period);

  return ledger_store_find_overdue_milestone (self->store, ledger_indicator_get_id (indicator), today);
}

/**
 * ledger_context_find_missed_milestone:
 *
 * Returns: (transfer full) (nullable): the earliest milestone of
 *   @indicator or its task past due as of the chosen period and not done
 */
LedgerMilestone *
ledger_context_find_missed_milestone (LedgerContext   *self,
                                      LedgerIndicator *indicator)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  return find_missed (self, indicator, self->as_of);
}

typedef enum
{
  FOLLOW_UP_NOTHING = 1,  /* not 0: a hash table's "not found" */
  FOLLOW_UP_OVERDUE,
  FOLLOW_UP_BEHIND,
} FollowUp;

static char *
follow_up_key (gint64      indicator_id,
               const char *day)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", indicator_id, day);
}

typedef struct
{
  GHashTable *follow_up;
  const char *day;
} FollowUpRead;

static void
keep_follow_up_cb (gint64   indicator_id,
                   gboolean overdue,
                   gboolean behind,
                   gpointer user_data)
{
  FollowUpRead *read = user_data;
  FollowUp said = overdue ? FOLLOW_UP_OVERDUE : behind ? FOLLOW_UP_BEHIND : FOLLOW_UP_NOTHING;

  g_hash_table_insert (read->follow_up, follow_up_key (indicator_id, read->day), GINT_TO_POINTER (said));
}

/* What the follow-up says of the indicator on @day, read with every other
 * indicator of its plan the first time: each page asks for all of them. */
static FollowUp
read_follow_up (LedgerContext *self,
                gint64         indicator_id,
                const char    *day)
{
  g_autofree char *key = follow_up_key (indicator_id, day);
  FollowUpRead read = { self->follow_up, day };
  FollowUp said = GPOINTER_TO_INT (g_hash_table_lookup (self->follow_up, key));

  if (said != 0)
    return said;
  if (!ledger_store_read_plan_follow_up (self->store, indicator_id, day, keep_follow_up_cb, &read))
    return FOLLOW_UP_NOTHING;
  said = GPOINTER_TO_INT (g_hash_table_lookup (self->follow_up, key));
  return said != 0 ? said : FOLLOW_UP_NOTHING;
}

static void
apply_follow_up (LedgerContext   *self,
                 LedgerIndicator *indicator,
                 const char      *period,
                 LedgerProgress  *progress)
{
  gint64 id = ledger_indicator_get_id (indicator);
  g_autofree char *day = NULL;
  FollowUp said;

  if (progress->status == LEDGER_STATUS_ACHIEVED || progress->status == LEDGER_STATUS_DONE || id == 0)
    return;
  day = reference_day (self, period);
  said = read_follow_up (self, id, day);
  if (said == FOLLOW_UP_OVERDUE)
    progress->status = LEDGER_STATUS_OVERDUE;
  else if (said == FOLLOW_UP_BEHIND)
    progress->status = LEDGER_STATUS_BEHIND;
}

/**
 * ledger_context_set_today:
 * @today: (nullable): the day to judge milestones of the current period
 *   on, or %NULL for the clock's
 *
 * For reports and tests that must not depend on the day they run.
 */
void
ledger_context_set_today (LedgerContext *self,
                          GDateTime     *today)
{
  g_return_if_fail (LEDGER_IS_CONTEXT (self));

  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = today != NULL ? g_date_time_ref (today) : NULL;
  forget_everything (self);
  g_signal_emit (self, signals [CHANGED], 0, (gint64) 0);
}

/**
 * ledger_context_evaluate_value:
 * @value: (nullable): a value of @indicator, recorded or being typed
 * @period: the period to judge it as of
 *
 * Returns: how @indicator stands with @value, read against the ledger's
 * base year as ledger_context_evaluate() reads the recorded ones
 */
LedgerProgress
ledger_context_evaluate_value (LedgerContext   *self,
                               LedgerIndicator *indicator,
                               LedgerValue     *value,
                               const char      *period)
{
  LedgerBaseYear base;
  LedgerProgress progress;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), ledger_progress_none ());

  base = read_base_year (self, value);
  progress = ledger_progress_evaluate_with_base (indicator, value, period, &base, &self->tolerances);
  apply_follow_up (self, indicator, period, &progress);
  return progress;
}

/* The roll-up (docs/regions.md): an additive total whose regions have
 * figures of a later period than the city's own latest is read from their
 * sum, marked as summed (ledger_value_get_summed()). Rates and levels are
 * never summed. */
static LedgerValue *
latest_or_summed (LedgerContext      *self,
                  LedgerIndicator    *indicator,
                  LedgerValue        *latest,
                  const LedgerPeriod *as_of)
{
  g_autoptr(LedgerValue) sum = NULL;
  LedgerPeriod own, summed;

  if (ledger_indicator_get_kind (indicator) != LEDGER_KIND_CUMULATIVE ||
      (sum = ledger_store_sum_regions_until (self->store, ledger_indicator_get_id (indicator), as_of)) == NULL)
    return latest;
  if (latest != NULL && ledger_period_parse (ledger_value_get_period (latest), &own) &&
      ledger_period_parse (ledger_value_get_period (sum), &summed) &&
      ledger_period_sort_key (&own) >= ledger_period_sort_key (&summed))
    return latest;
  g_clear_object (&latest);
  return g_steal_pointer (&sum);
}

/* A sum of only some of the regions counted in the total can only grow as
 * the others report: on track or achieved it stays, but behind or on
 * warning it would cry wolf, so it reads as not yet reported (未填报)
 * until every one of them is in. */
static void
judge_partial_sum (LedgerValue    *value,
                   LedgerProgress *progress)
{
  guint n_regions = 0;
  guint n_summed = value != NULL ? ledger_value_get_summed (value, &n_regions) : 0;

  if (n_summed > 0 && n_summed < n_regions &&
      (progress->status == LEDGER_STATUS_BEHIND || progress->status == LEDGER_STATUS_WARNING))
    progress->status = LEDGER_STATUS_NO_DATA;
}

/**
 * ledger_context_evaluate:
 * @value: (out) (optional) (transfer full): the value the standing is
 *   based on: the latest up to the "as of" period, maybe stale; for an
 *   additive total, the regions' sum where they are later than the city
 *
 * Returns: how @indicator stands as of the chosen period
 */
LedgerProgress
ledger_context_evaluate (LedgerContext    *self,
                         LedgerIndicator  *indicator,
                         LedgerValue     **value)
{
  g_autoptr(LedgerValue) latest = NULL;
  gint64 id = ledger_indicator_get_id (indicator);
  Standing *standing;
  LedgerPeriod as_of;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), (LedgerProgress) { 0 });

  if ((standing = g_hash_table_lookup (self->standings, &id)) != NULL)
    {
      if (value != NULL)
        *value = standing->value != NULL ? g_object_ref (standing->value) : NULL;
      return standing->progress;
    }

  if (self->as_of != NULL && ledger_period_parse (self->as_of, &as_of))
    latest = latest_or_summed (self, indicator, ledger_city_figures_get_latest (self->figures, id, &as_of), &as_of);
  else
    latest = ledger_city_figures_get_latest (self->figures, id, NULL);

  standing = g_new0 (Standing, 1);
  standing->progress = ledger_context_evaluate_value (self, indicator, latest, self->as_of);
  judge_partial_sum (latest, &standing->progress);
  standing->value = g_steal_pointer (&latest);
  g_hash_table_insert (self->standings, g_memdup2 (&id, sizeof id), standing);
  if (value != NULL)
    *value = standing->value != NULL ? g_object_ref (standing->value) : NULL;
  return standing->progress;
}

static void
count_node (LedgerContext *self,
            GObject       *node,
            guint          counts[LEDGER_N_STATUSES])
{
  GListModel *children;

  if (LEDGER_IS_INDICATOR (node))
    {
      LedgerProgress progress = ledger_context_evaluate (self, LEDGER_INDICATOR (node), NULL);

      counts[ledger_status_bucket (progress.status)]++;
      return;
    }

  children = ledger_node_get_children (LEDGER_NODE (node));
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      count_node (self, child, counts);
    }
}

/**
 * ledger_context_count_statuses:
 * @node: a plan, area or task
 * @counts: (out caller-allocates): how many of its indicators stand in
 *   each traffic light (see ledger_status_bucket()) as of the chosen period
 */
void
ledger_context_count_statuses (LedgerContext *self,
                               LedgerNode    *node,
                               guint          counts[LEDGER_N_STATUSES])
{
  g_return_if_fail (LEDGER_IS_CONTEXT (self));
  g_return_if_fail (LEDGER_IS_NODE (node));

  memset (counts, 0, sizeof (guint) * LEDGER_N_STATUSES);
  count_node (self, G_OBJECT (node), counts);
}

/**
 * ledger_context_find_roll_up_gap:
 *
 * Where @indicator is an additive total, the city's own latest figure as
 * of the chosen period and its regions' sum of the same period disagree
 * beyond the tolerance (docs/regions.md, Roll-up).
 *
 * Returns: (transfer full) (nullable): the two figures, or %NULL where
 *   they agree or there is nothing to compare
 */
LedgerRollUp *
ledger_context_find_roll_up_gap (LedgerContext   *self,
                                 LedgerIndicator *indicator)
{
  g_autoptr(LedgerValue) own = NULL;
  g_autoptr(LedgerValue) sum = NULL;
  g_autoptr(LedgerRollUp) roll_up = NULL;
  gint64 id = ledger_indicator_get_id (indicator);
  LedgerPeriod as_of;
  guint n_regions = 0, n_summed;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);

  if (ledger_indicator_get_kind (indicator) != LEDGER_KIND_CUMULATIVE || self->as_of == NULL ||
      !ledger_period_parse (self->as_of, &as_of) ||
      (own = ledger_city_figures_get_latest (self->figures, id, &as_of)) == NULL ||
      !ledger_value_has_number (own) ||
      (sum = ledger_store_sum_regions_of (self->store, id, ledger_value_get_period (own))) == NULL)
    return NULL;
  n_summed = ledger_value_get_summed (sum, &n_regions);
  roll_up = ledger_roll_up_new (id, ledger_value_get_period (own), ledger_value_get_number (own),
                                ledger_value_get_number (sum), n_summed, n_regions);
  return ledger_roll_up_differs (roll_up, self->tolerances.roll_up) ? g_steal_pointer (&roll_up) : NULL;
}

/**
 * ledger_context_lookup_derived:
 * @key: what was worked out, and as of which period ("ranking/composite/…/2026-06")
 *
 * What the upper layers work out from the standings — a ranking of the
 * regions — is kept here until a figure, a plan, the tolerances or the
 * day change, so that a page shown again, or as of a period shown before,
 * is built without working it out again.
 *
 * Returns: (transfer none) (nullable): what ledger_context_keep_derived()
 *   kept under @key since the last such change
 */
GObject *
ledger_context_lookup_derived (LedgerContext *self,
                               const char    *key)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (self), NULL);
  return g_hash_table_lookup (self->derived, key);
}

void
ledger_context_keep_derived (LedgerContext *self,
                             const char    *key,
                             GObject       *object)
{
  g_return_if_fail (LEDGER_IS_CONTEXT (self));
  g_return_if_fail (G_IS_OBJECT (object));

  g_hash_table_insert (self->derived, g_strdup (key), g_object_ref (object));
}
