/* ledger-ranking-page.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-ranking-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-ranking-cells.h"
#include "ledger-ranking-page.h"
#include "ledger-ranking-table.h"
#include "ledger-score-sheet.h"
#include "ledger-scoring-window.h"
#include "ledger-store-scoring.h"

/* 区县排名: the plan's regions ranked as of the chosen period — on all the
 * ranked indicators at once (综合排名) or on one — with the city's own line
 * to compare, the places gained since the previous period (争先进位), and
 * each region's band against the city (docs/regions.md, Rankings). With a
 * scoring scheme (考核评分), the composite shows each region's points, and
 * a second table the responsible units'. */
struct _LedgerRankingPage
{
  AdwBin               parent_instance;

  LedgerContext       *context;
  LedgerPlan          *plan;
  GPtrArray           *indicators;  /* the ranked ones, in the plan's order */
  LedgerRegionRanking *ranking;     /* the one shown */
  LedgerScoreSheet    *sheet;       /* the composite's points, if the plan has a scheme */
  gboolean             filling;     /* the dropdown is being filled: nothing to show yet */

  GtkDropDown         *ranking_dropdown;
  GtkWidget           *scoring_button;
  GtkLabel            *period_label;
  LedgerRankingTable  *region_table;
  GtkLabel            *legend_label;
  GtkWidget           *units_box;
  LedgerRankingTable  *unit_table;
};

G_DEFINE_FINAL_TYPE (LedgerRankingPage, ledger_ranking_page, ADW_TYPE_BIN)

/* Headings with a context of their own: "Rank" or "Change" may be said
 * otherwise elsewhere. What ranks comes first, the figures it is worked
 * from after: a narrow window shows the first and scrolls to the rest. */
static const LedgerRankingColumn indicator_columns[] = {
  { NC_("ranking column", "Rank"), TRUE },
  { NC_("ranking column", "Region"), FALSE },
  { NC_("ranking column", "Completion"), TRUE },
  { NC_("ranking column", "Change"), FALSE },
  { NC_("ranking column", "Against the City"), FALSE },
  { NC_("ranking column", "Figure"), TRUE },
  { NC_("ranking column", "Target"), TRUE },
  { NC_("ranking column", "Expected"), TRUE },
};

static const LedgerRankingColumn composite_columns[] = {
  { NC_("ranking column", "Rank"), TRUE },
  { NC_("ranking column", "Region"), FALSE },
  { NC_("ranking column", "Composite"), TRUE },
  { NC_("ranking column", "Change"), FALSE },
  { NC_("ranking column", "Against the City"), FALSE },
  /* … and with a scoring scheme: */
  { NC_("ranking column", "Completion Points"), TRUE },
  { NC_("ranking column", "Rank Points"), TRUE },
  { NC_("ranking column", "Adjustments"), TRUE },
  { NC_("ranking column", "Total"), TRUE },
};

#define N_COMPOSITE_COLUMNS 5
#define N_POINTS_COLUMNS (G_N_ELEMENTS (composite_columns) - N_COMPOSITE_COLUMNS)

static const LedgerRankingColumn unit_columns[] = {
  { NC_("ranking column", "Rank"), TRUE },
  { NC_("ranking column", "Responsible Unit"), FALSE },
  { NC_("ranking column", "Composite"), TRUE },
  { NC_("ranking column", "Completion Points"), TRUE },
  { NC_("ranking column", "Rank Points"), TRUE },
  { NC_("ranking column", "Adjustments"), TRUE },
  { NC_("ranking column", "Total"), TRUE },
};

/* The selected indicator, or NULL for the composite. */
static LedgerIndicator *
selected_indicator (LedgerRankingPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->ranking_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->indicators->len)
    return NULL;
  return g_ptr_array_index (self->indicators, selected - 1);
}

static void
set_columns (LedgerRankingTable        *table,
             const LedgerRankingColumn *columns,
             guint                      n_columns)
{
  g_autofree LedgerRankingColumn *translated = g_new (LedgerRankingColumn, n_columns);

  for (guint i = 0; i < n_columns; i++)
    translated[i] = (LedgerRankingColumn) { g_dpgettext2 (NULL, "ranking column", columns[i].title),
                                             columns[i].numeric };
  ledger_ranking_table_set_columns (table, translated, n_columns);
}

/* "As of 1-6月 · change since 1-5月" */
static void
show_period (LedgerRankingPage *self)
{
  const char *previous = ledger_region_ranking_get_previous (self->ranking);
  g_autofree char *as_of = ledger_period_code_label (ledger_region_ranking_get_as_of (self->ranking));
  g_autofree char *since = previous != NULL ? ledger_period_code_label (previous) : NULL;
  g_autofree char *text = NULL;

  if (since != NULL)
    /* Translators: the ranking's period and the one its change is counted from */
    text = g_strdup_printf (_("As of %s · change since %s"), as_of, since);
  else
    /* Translators: a ranking of the plan's first period, with nothing to compare with */
    text = g_strdup_printf (_("As of %s · no earlier period to compare with"), as_of);
  gtk_label_set_text (self->period_label, text);
}

/* The city's own line, first, for comparison: its figure, target and what
 * is due, and its completion, against which the bands are drawn. */
static void
show_city (LedgerRankingPage *self,
           LedgerIndicator   *indicator)
{
  double score = ledger_region_ranking_get_city_score (self->ranking);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *label = NULL;
  GtkWidget *row;

  g_ptr_array_add (cells, ledger_ranking_cells_text (""));
  g_ptr_array_add (cells, ledger_ranking_cells_strong (C_("ranking", "City")));
  g_ptr_array_add (cells, ledger_ranking_cells_score (score));
  g_ptr_array_add (cells, ledger_ranking_cells_text (""));
  g_ptr_array_add (cells, ledger_ranking_cells_text (""));
  if (indicator != NULL)
    {
      g_autoptr(LedgerValue) value = NULL;
      LedgerProgress progress = ledger_context_evaluate (self->context, indicator, &value);
      double figure = value != NULL && !progress.stale ? ledger_value_get_number (value) : NAN;

      g_ptr_array_add (cells, ledger_ranking_cells_number (indicator, figure));
      g_ptr_array_add (cells, ledger_ranking_cells_number (indicator, ledger_indicator_get_target (indicator)));
      g_ptr_array_add (cells, ledger_ranking_cells_number (indicator, progress.expected));
    }
  for (guint i = 0; self->sheet != NULL && i < N_POINTS_COLUMNS; i++)
    g_ptr_array_add (cells, ledger_ranking_cells_text (""));
  label = ledger_ranking_cells_city_label (score);
  row = ledger_ranking_table_append (self->region_table, (GtkWidget **) cells->pdata, label);
  gtk_widget_add_css_class (row, "city-line");
}

/* A sheet line's four columns of points (none, for a region the sheet
 * does not score). */
static void
add_points (GPtrArray             *cells,
            const LedgerScoreLine *line)
{
  g_ptr_array_add (cells, ledger_ranking_cells_points (line != NULL ? line->completion : NAN, FALSE));
  g_ptr_array_add (cells, ledger_ranking_cells_points (line != NULL ? line->rank_points : NAN, FALSE));
  g_ptr_array_add (cells, ledger_ranking_cells_points (line != NULL ? line->adjustments : NAN, TRUE));
  g_ptr_array_add (cells, ledger_ranking_cells_points (line != NULL ? line->total : NAN, FALSE));
}

static void
show_region (LedgerRankingPage   *self,
             LedgerIndicator     *indicator,
             const LedgerRankRow *rank)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *label = ledger_ranking_cells_row_label (indicator, rank);

  g_ptr_array_add (cells, ledger_ranking_cells_rank (rank));
  g_ptr_array_add (cells, ledger_ranking_cells_region (rank, indicator == NULL));
  g_ptr_array_add (cells, ledger_ranking_cells_score (rank->score));
  g_ptr_array_add (cells, ledger_ranking_cells_change (rank));
  g_ptr_array_add (cells, ledger_ranking_cells_band (rank->band));
  if (indicator != NULL)
    {
      g_ptr_array_add (cells, ledger_ranking_cells_number (indicator, rank->value));
      g_ptr_array_add (cells, ledger_ranking_cells_number (indicator, rank->target));
      g_ptr_array_add (cells, ledger_ranking_cells_number (indicator, rank->expected));
    }
  if (self->sheet != NULL)
    add_points (cells, ledger_score_sheet_find_region (self->sheet, rank->region));
  ledger_ranking_table_append (self->region_table, (GtkWidget **) cells->pdata, label);
}

static int
compare_line_rank (gconstpointer a,
                   gconstpointer b)
{
  const LedgerScoreLine *la = *(const LedgerScoreLine **) a, *lb = *(const LedgerScoreLine **) b;
  guint ra = la->rank != 0 ? la->rank : G_MAXUINT, rb = lb->rank != 0 ? lb->rank : G_MAXUINT;

  return (ra > rb) - (ra < rb);
}

/* The responsible units' points, by their place on the total. */
static void
show_units (LedgerRankingPage *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  GPtrArray *units;

  units = self->sheet != NULL ? ledger_score_sheet_get_units (self->sheet) : NULL;
  gtk_widget_set_visible (self->units_box, units != NULL && units->len > 0);
  if (units == NULL || units->len == 0)
    return;
  /* A copy to sort: the lines stay the sheet's. */
  lines = g_ptr_array_copy (units, NULL, NULL);
  g_ptr_array_set_free_func (lines, NULL);
  g_ptr_array_sort (lines, compare_line_rank);
  set_columns (self->unit_table, unit_columns, G_N_ELEMENTS (unit_columns));
  for (guint i = 0; i < lines->len; i++)
    {
      const LedgerScoreLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      g_autofree char *label = ledger_ranking_cells_line_label (line);

      g_ptr_array_add (cells, ledger_ranking_cells_place (line->rank));
      g_ptr_array_add (cells, ledger_ranking_cells_text (line->name));
      g_ptr_array_add (cells, ledger_ranking_cells_score (line->score));
      add_points (cells, line);
      ledger_ranking_table_append (self->unit_table, (GtkWidget **) cells->pdata, label);
    }
}

/* The ranking shown, and for the composite of a plan with a scoring
 * scheme, its points: the composite then caps each completion where the
 * scheme does, so that the two agree. */
static void
compute_ranking (LedgerRankingPage *self,
                 LedgerIndicator   *indicator)
{
  LedgerScoringScheme scheme;

  g_clear_object (&self->ranking);
  g_clear_object (&self->sheet);
  if (indicator != NULL)
    {
      self->ranking = ledger_region_ranking_new_for_indicator (self->context, self->plan, indicator);
      return;
    }
  if (!ledger_store_get_scoring_scheme (ledger_context_get_store (self->context),
                                        ledger_node_get_id (LEDGER_NODE (self->plan)), &scheme))
    {
      self->ranking = ledger_region_ranking_new_composite (self->context, self->plan);
      return;
    }
  self->ranking = ledger_region_ranking_new_composite_capped (self->context, self->plan, scheme.cap);
  self->sheet = ledger_score_sheet_new (self->context, self->plan);
}

static void
show_ranking (LedgerRankingPage *self)
{
  LedgerIndicator *indicator = selected_indicator (self);

  compute_ranking (self, indicator);
  if (indicator != NULL)
    set_columns (self->region_table, indicator_columns, G_N_ELEMENTS (indicator_columns));
  else
    set_columns (self->region_table, composite_columns,
                 self->sheet != NULL ? G_N_ELEMENTS (composite_columns) : N_COMPOSITE_COLUMNS);

  show_period (self);
  show_city (self, indicator);
  for (guint i = 0; i < ledger_region_ranking_get_n_rows (self->ranking); i++)
    show_region (self, indicator, ledger_region_ranking_get_row (self->ranking, i));
  gtk_label_set_text (self->legend_label, indicator != NULL ? ledger_ranking_cells_legend (indicator)
                                                            : ledger_ranking_cells_composite_legend ());
  show_units (self);
}

static void
ranking_selected_cb (LedgerRankingPage *self)
{
  if (!self->filling)
    show_ranking (self);
}

static void
scoring_clicked_cb (LedgerRankingPage *self)
{
  LedgerScoringWindow *window = ledger_scoring_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                           self->context, self->plan, self->indicators);

  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  GHashTable *split;   /* the ids of the indicators split to regions */
  GPtrArray  *ranked;
} Collect;

/* Ranked: the numeric indicators a region can be measured on — a rate or
 * a level against the city's target if it has none of its own, a total
 * only against the targets split to the regions (docs/regions.md). */
static void
collect_ranked (LedgerNode      *area,
                LedgerNode      *task,
                LedgerIndicator *indicator,
                gpointer         user_data)
{
  Collect *collect = user_data;
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  gint64 id = ledger_indicator_get_id (indicator);

  if (kind == LEDGER_KIND_QUALITATIVE)
    return;
  if (kind == LEDGER_KIND_CUMULATIVE && !g_hash_table_contains (collect->split, &id))
    return;
  g_ptr_array_add (collect->ranked, g_object_ref (indicator));
}

static GPtrArray *
list_ranked (LedgerRankingPage *self)
{
  g_autoptr(GHashTable) split = ledger_store_list_split_indicators (ledger_context_get_store (self->context),
                                                                   self->plan);
  Collect collect = { split, g_ptr_array_new_with_free_func (g_object_unref) };

  ledger_plan_foreach_indicator (self->plan, collect_ranked, &collect);
  return collect.ranked;
}

static gboolean
same_indicators (GPtrArray *a,
                 GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), GPOINTER_TO_INT (ellipsize) ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The dropdown's button shortens a long name, so that a narrow window
 * still shows Scoring Scheme… beside it; its list shows names whole. */
static GtkListItemFactory *
name_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
  return factory;
}

/* The dropdown: the composite, then the ranked indicators. A target
 * split or cleared may add or take one: the list is made again, the
 * indicator shown kept if it is still ranked. */
static void
fill_dropdown (LedgerRankingPage *self)
{
  g_autoptr(GPtrArray) ranked = list_ranked (self);
  g_autoptr(GtkStringList) names = NULL;
  LedgerIndicator *shown = self->indicators != NULL ? selected_indicator (self) : NULL;
  guint index = 0;

  if (same_indicators (self->indicators, ranked))
    return;
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Composite Ranking"));
  for (guint i = 0; i < ranked->len; i++)
    gtk_string_list_append (names, ledger_indicator_get_name (g_ptr_array_index (ranked, i)));
  if (shown != NULL && g_ptr_array_find (ranked, shown, &index))
    index++;
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = g_steal_pointer (&ranked);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->ranking_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->ranking_dropdown, index);
  self->filling = FALSE;
}

static void
context_changed_cb (LedgerRankingPage *self)
{
  fill_dropdown (self);
  show_ranking (self);
}

static void
ledger_ranking_page_dispose (GObject *object)
{
  LedgerRankingPage *self = LEDGER_RANKING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_RANKING_PAGE);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->ranking);
  g_clear_object (&self->sheet);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ledger_ranking_page_parent_class)->dispose (object);
}

static void
ledger_ranking_page_class_init (LedgerRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_ranking_page_dispose;

  g_type_ensure (LEDGER_TYPE_RANKING_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-ranking-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, ranking_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, scoring_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, region_table);
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, units_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerRankingPage, unit_table);
  gtk_widget_class_bind_template_callback (widget_class, ranking_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, scoring_clicked_cb);
}

static void
ledger_ranking_page_init (LedgerRankingPage *self)
{
  g_autoptr(GtkListItemFactory) button_factory = name_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = name_factory_new (FALSE);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_expression (self->ranking_dropdown, expression);
  gtk_drop_down_set_factory (self->ranking_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->ranking_dropdown, list_factory);
}

LedgerRankingPage *
ledger_ranking_page_new (LedgerContext *context,
                         LedgerPlan    *plan)
{
  LedgerRankingPage *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_RANKING_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  ledger_accessible_name_drop_down (self->ranking_dropdown, NULL);
  /* A ledger open for reading only cannot take a scheme: the button says so
   * rather than open a window whose every change would be refused. */
  if (ledger_store_is_read_only (ledger_context_get_store (context)))
    {
      gtk_widget_set_sensitive (self->scoring_button, FALSE);
      gtk_widget_set_tooltip_text (self->scoring_button, _("The ledger is open for reading only"));
    }
  context_changed_cb (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * ledger_ranking_page_select:
 * @indicator_code: (nullable): the code of a ranked indicator, or %NULL
 *   for the composite ranking
 *
 * Returns: whether it is ranked, and shown
 */
gboolean
ledger_ranking_page_select (LedgerRankingPage *self,
                            const char        *indicator_code)
{
  g_return_val_if_fail (LEDGER_IS_RANKING_PAGE (self), FALSE);

  if (indicator_code == NULL)
    {
      gtk_drop_down_set_selected (self->ranking_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; i < self->indicators->len; i++)
    {
      if (g_str_equal (ledger_indicator_get_code (g_ptr_array_index (self->indicators, i)), indicator_code))
        {
          gtk_drop_down_set_selected (self->ranking_dropdown, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

/* Returns: (transfer none) (nullable): the points of the composite shown,
 * if the plan has a scoring scheme */
LedgerScoreSheet *
ledger_ranking_page_get_score_sheet (LedgerRankingPage *self)
{
  g_return_val_if_fail (LEDGER_IS_RANKING_PAGE (self), NULL);
  return self->sheet;
}

/* Returns: (transfer none): the ranking shown */
LedgerRegionRanking *
ledger_ranking_page_get_ranking (LedgerRankingPage *self)
{
  g_return_val_if_fail (LEDGER_IS_RANKING_PAGE (self), NULL);
  return self->ranking;
}
