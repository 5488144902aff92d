/* ledger-overview-page.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-area.h"
#include "ledger-overview-page.h"
#include "ledger-status.h"
#include "ledger-status-bar.h"
#include "ledger-status-pill.h"
#include "ledger-status-summary.h"
#include "ledger-store-cycle.h"

/* 总览: the plan as of the chosen period — counts by status, the
 * indicators that need attention (worst first, a click away), a stacked
 * bar per area, and who still owes a figure for the period. */
struct _LedgerOverviewPage
{
  AdwBin                parent_instance;

  LedgerContext        *context;
  LedgerPlan           *plan;
  GPtrArray            *area_rows;
  GPtrArray            *dynamic_rows;
  GPtrArray            *owed_rows;
  guint                 owed_source;

  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  LedgerStatusSummary  *summary;
  AdwPreferencesGroup  *attention_group;
  AdwPreferencesGroup  *projection_group;
  AdwPreferencesGroup  *areas_group;
  AdwPreferencesGroup  *owed_group;
};

G_DEFINE_FINAL_TYPE (LedgerOverviewPage, ledger_overview_page, ADW_TYPE_BIN)

/* One indicator's standing, as the overview sorts and groups them. */
typedef struct
{
  LedgerIndicator *indicator;
  LedgerNode      *area;
  LedgerProgress   progress;
  double           severity;  /* how far short, as a share: larger is worse */
  double           shortfall; /* how far the projection falls short of the target, as a share */
  gboolean         owed;      /* due for the period and not reported */
} Standing;

typedef struct
{
  LedgerOverviewPage *self;
  GArray             *standings;
} Survey;

/* How far short an indicator is, comparable across kinds: points of pace
 * for totals, the share of the target for rates and levels. */
static double
severity_of (LedgerIndicator      *indicator,
             const LedgerProgress *progress)
{
  double target = fabs (ledger_indicator_get_target (indicator));
  gboolean lower = ledger_indicator_get_comparator (indicator) == LEDGER_COMPARATOR_AT_MOST ||
                   ledger_indicator_get_better (indicator) == LEDGER_BETTER_LOWER;
  double gap = lower ? progress->gap : -progress->gap;

  if (isnan (progress->gap))
    return 0;
  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE)
    return gap / 100;
  return target > 0 ? gap / target : gap;
}

static void
survey_indicator (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  Survey *survey = user_data;
  LedgerContext *context = survey->self->context;
  g_autofree char *due = ledger_progress_indicator_period (indicator, ledger_context_get_as_of (context));
  Standing standing = { indicator, area };

  standing.progress = ledger_context_evaluate (context, indicator, NULL);
  standing.severity = severity_of (indicator, &standing.progress);
  standing.shortfall = standing.progress.projection_shortfall;
  standing.owed = due != NULL && standing.progress.status == LEDGER_STATUS_NO_DATA;
  g_array_append_val (survey->standings, standing);
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const Standing *sa = *(const Standing **) a, *sb = *(const Standing **) b;

  if (sa->progress.status != sb->progress.status)
    return ledger_status_compare_severity (sa->progress.status, sb->progress.status);
  return (sa->severity < sb->severity) - (sa->severity > sb->severity);
}

static void
add_dynamic_row (LedgerOverviewPage  *self,
                 AdwPreferencesGroup *group,
                 GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
add_owed_row (LedgerOverviewPage *self,
              GtkWidget          *row)
{
  adw_preferences_group_add (self->owed_group, row);
  g_ptr_array_add (self->owed_rows, row);
}

static void
remove_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
attention_row_activated_cb (AdwActionRow *row,
                            gpointer      user_data)
{
  LedgerIndicator *indicator = g_object_get_data (G_OBJECT (row), "indicator");

  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-indicator", "s",
                              ledger_indicator_get_uuid (indicator));
}

/* A row that opens the indicator: its name, area and @detail, its status. */
static GtkWidget *
standing_row_new (Standing   *standing,
                  const char *detail)
{
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", ledger_area_get_short_title (LEDGER_AREA (standing->area)),
                                               detail != NULL ? detail : "");
  GtkWidget *row = text_row_new (ledger_indicator_get_name (standing->indicator), subtitle);
  GtkWidget *pill = ledger_status_pill_new ();

  ledger_status_pill_set_status (LEDGER_STATUS_PILL (pill), standing->progress.status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "indicator", g_object_ref (standing->indicator), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (attention_row_activated_cb), NULL);
  return row;
}

/* What an overdue indicator missed: "6月底前 出台方案 — due 2026-06-30". */
static char *
missed_text (LedgerOverviewPage *self,
             Standing           *standing)
{
  g_autoptr(LedgerMilestone) missed = ledger_context_find_missed_milestone (self->context, standing->indicator);

  if (missed == NULL)
    return NULL;
  return g_strdup_printf (_("%s — due %s"), missed->what, missed->due);
}

static GtkWidget *
attention_row_new (LedgerOverviewPage *self,
                   Standing           *standing)
{
  g_autofree char *gap = standing->progress.status == LEDGER_STATUS_OVERDUE
    ? missed_text (self, standing) : ledger_progress_dup_gap_text (standing->indicator, &standing->progress);

  return standing_row_new (standing, gap);
}

static void
show_attention (LedgerOverviewPage *self,
                GArray             *standings)
{
  g_autoptr(GPtrArray) needing = g_ptr_array_new ();

  for (guint i = 0; i < standings->len; i++)
    {
      Standing *standing = &g_array_index (standings, Standing, i);
      LedgerStatus status = standing->progress.status;

      if (ledger_status_needs_attention (status))
        g_ptr_array_add (needing, standing);
    }
  g_ptr_array_sort (needing, compare_severity);
  for (guint i = 0; i < needing->len; i++)
    add_dynamic_row (self, self->attention_group, attention_row_new (self, g_ptr_array_index (needing, i)));
  if (needing->len == 0)
    add_dynamic_row (self, self->attention_group,
                     text_row_new (_("Nothing is overdue, behind or on warning"), NULL));
}

static int
compare_shortfall (gconstpointer a,
                   gconstpointer b)
{
  const Standing *sa = *(const Standing **) a, *sb = *(const Standing **) b;

  return (sa->shortfall < sb->shortfall) - (sa->shortfall > sb->shortfall);
}

static GtkWidget *
projection_row_new (Standing *standing)
{
  g_autofree char *projection = ledger_indicator_format_value (standing->indicator, standing->progress.projection);
  g_autofree char *target = ledger_indicator_dup_target_text (standing->indicator);
  /* Translators: a total that may miss the year, "预计全年 24 家，目标 ≥ 30 家" */
  g_autofree char *detail = g_strdup_printf (_("projected %s, target %s"), projection, target);

  return standing_row_new (standing, detail);
}

/* 预计难以完成全年目标: the totals whose projection falls short, whatever
 * their status today (a year-end target is pending and may still miss). */
static void
show_projections (LedgerOverviewPage *self,
                  GArray             *standings)
{
  g_autoptr(GPtrArray) short_of = g_ptr_array_new ();

  for (guint i = 0; i < standings->len; i++)
    {
      Standing *standing = &g_array_index (standings, Standing, i);

      if (standing->shortfall > 0 && standing->progress.status != LEDGER_STATUS_ACHIEVED)
        g_ptr_array_add (short_of, standing);
    }
  g_ptr_array_sort (short_of, compare_shortfall);
  for (guint i = 0; i < short_of->len; i++)
    add_dynamic_row (self, self->projection_group, projection_row_new (g_ptr_array_index (short_of, i)));
  if (short_of->len == 0)
    add_dynamic_row (self, self->projection_group,
                     text_row_new (_("Every total is projected to reach its target"), NULL));
}

/* How late each unit's figures of the period are, by unit
 * (docs/monthly-cycle.md). */
static GHashTable *
days_late_by_unit (LedgerOverviewPage *self)
{
  GHashTable *days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) figures = ledger_store_list_due_figures (ledger_context_get_store (self->context), self->plan,
                                                                ledger_context_get_as_of (self->context),
                                                                ledger_context_get_tolerances (self->context)->due_skip_weekends,
                                                                NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GDate today;

  if (figures == NULL)
    return days;
  ledger_date_set_day_of (&today, now);
  rows = ledger_completeness_by_unit (figures, &today, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      LedgerCompleteness *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (days, g_strdup (row->unit), GINT_TO_POINTER (row->days_late));
    }
  return days;
}

/* Who owes what: the responsible units, each with the indicators it has
 * not reported for the period, and how late. */
static void
show_owed (LedgerOverviewPage *self,
           GArray             *standings)
{
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) late = days_late_by_unit (self);
  g_autoptr(GList) units = NULL;

  for (guint i = 0; i < standings->len; i++)
    {
      Standing *standing = &g_array_index (standings, Standing, i);
      const char *unit = ledger_indicator_get_responsible_unit (standing->indicator);
      GPtrArray *names;

      if (!standing->owed)
        continue;
      if (unit[0] == '\0')
        unit = _("No responsible unit");
      if ((names = g_hash_table_lookup (by_unit, unit)) == NULL)
        g_hash_table_insert (by_unit, (gpointer) unit, names = g_ptr_array_new ());
      g_ptr_array_add (names, (gpointer) ledger_indicator_get_name (standing->indicator));
    }

  units = g_list_sort (g_hash_table_get_keys (by_unit), (GCompareFunc) g_utf8_collate);
  for (const GList *l = units; l != NULL; l = l->next)
    {
      GPtrArray *names = g_hash_table_lookup (by_unit, l->data);
      g_autofree char *list = NULL;
      g_autofree char *count = g_strdup_printf ("%u", names->len);
      GtkWidget *row, *label;
      int days;

      g_ptr_array_add (names, NULL);
      /* Translators: the separator of a list of indicator names */
      list = g_strjoinv (_("、"), (char **) names->pdata);
      row = text_row_new (l->data, list);
      label = gtk_label_new (count);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if ((days = GPOINTER_TO_INT (g_hash_table_lookup (late, l->data))) > 0)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%d day late", "%d days late", days), days);

          label = gtk_label_new (text);
          gtk_widget_add_css_class (label, days > 7 ? "error" : "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      add_owed_row (self, row);
    }
  if (units == NULL)
    add_owed_row (self,
                     text_row_new (_("Every figure due for the period is in"), NULL));
}

static void
show_areas (LedgerOverviewPage *self,
            GArray             *standings)
{
  for (guint r = 0; r < self->area_rows->len; r++)
    {
      GtkWidget *row = g_ptr_array_index (self->area_rows, r);
      LedgerNode *area = g_object_get_data (G_OBJECT (row), "area");
      guint counts[LEDGER_N_STATUSES] = { 0 };
      g_autofree char *text = NULL;

      for (guint i = 0; i < standings->len; i++)
        {
          Standing *standing = &g_array_index (standings, Standing, i);

          if (standing->area == area)
            counts[ledger_status_bucket (standing->progress.status)]++;
        }
      ledger_status_bar_set_counts (g_object_get_data (G_OBJECT (row), "bar"), counts);
      text = ledger_status_counts_to_text (counts);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
    }
}

static GArray *
survey (LedgerOverviewPage *self)
{
  GArray *standings = g_array_new (FALSE, FALSE, sizeof (Standing));
  Survey survey = { self, standings };

  ledger_plan_foreach_indicator (self->plan, survey_indicator, &survey);
  return standings;
}

/* The units that owe a figure are at the foot of the page, and a new
 * ledger has dozens: they are listed after the page's first frame. */
static gboolean
show_owed_cb (gpointer user_data)
{
  LedgerOverviewPage *self = user_data;
  g_autoptr(GArray) standings = survey (self);

  self->owed_source = 0;
  remove_rows (self->owed_rows);
  show_owed (self, standings);
  return G_SOURCE_REMOVE;
}

static void
update (LedgerOverviewPage *self)
{
  g_autoptr(GArray) standings = survey (self);
  guint counts[LEDGER_N_STATUSES] = { 0 };
  g_autofree char *summary = NULL;

  for (guint i = 0; i < standings->len; i++)
    counts[ledger_status_bucket (g_array_index (standings, Standing, i).progress.status)]++;
  ledger_status_summary_set_counts (self->summary, counts);
  summary = g_strdup_printf (ngettext ("%s · %u indicator or task", "%s · %u indicators and tasks",
                                       standings->len),
                             ledger_plan_get_region (self->plan), standings->len);
  gtk_label_set_text (self->summary_label, summary);

  remove_rows (self->dynamic_rows);
  show_attention (self, standings);
  show_projections (self, standings);
  show_areas (self, standings);
  if (self->owed_source == 0)
    self->owed_source = g_idle_add_full (G_PRIORITY_LOW, show_owed_cb, self, NULL);
}

static void
area_row_activated_cb (AdwActionRow *row,
                       gpointer      user_data)
{
  LedgerNode *area = g_object_get_data (G_OBJECT (row), "area");

  gtk_widget_activate_action (GTK_WIDGET (row), "win.select-page", "s", ledger_node_get_uuid (area));
}

static void
build (LedgerOverviewPage *self)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (self->plan));

  gtk_label_set_text (self->title_label, ledger_node_get_title (LEDGER_NODE (self->plan)));
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(LedgerArea) area = g_list_model_get_item (areas, i);
      GtkWidget *row = text_row_new (ledger_node_get_title (LEDGER_NODE (area)), NULL);
      GtkWidget *bar = ledger_status_bar_new ();

      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "area", g_object_ref (area), g_object_unref);
      g_object_set_data (G_OBJECT (row), "bar", bar);
      g_signal_connect (row, "activated", G_CALLBACK (area_row_activated_cb), NULL);
      adw_preferences_group_add (self->areas_group, row);
      g_ptr_array_add (self->area_rows, row);
    }
  update (self);
}

static void
ledger_overview_page_dispose (GObject *object)
{
  LedgerOverviewPage *self = LEDGER_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->owed_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->owed_rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ledger_overview_page_parent_class)->dispose (object);
}

static void
ledger_overview_page_class_init (LedgerOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_overview_page_dispose;

  g_type_ensure (LEDGER_TYPE_STATUS_SUMMARY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, summary);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, projection_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, areas_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, owed_group);
}

static void
ledger_overview_page_init (LedgerOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_rows = g_ptr_array_new ();
  self->dynamic_rows = g_ptr_array_new ();
  self->owed_rows = g_ptr_array_new ();
}

LedgerOverviewPage *
ledger_overview_page_new (LedgerContext *context,
                          LedgerPlan    *plan)
{
  LedgerOverviewPage *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_OVERVIEW_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  build (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  return self;
}
