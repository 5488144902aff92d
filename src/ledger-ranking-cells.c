/* ledger-ranking-cells.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-ranking-cells"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-ranking-cells.h"

/* The cells of the ranking page's tables, and the words a screen reader
 * says of a row: every figure, change and band there is read as words,
 * never told by its colour alone. */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
ledger_ranking_cells_text (const char *text)
{
  return label_new (text, NULL);
}

GtkWidget *
ledger_ranking_cells_strong (const char *text)
{
  return label_new (text, "heading");
}

static GtkWidget *
missing_new (void)
{
  return label_new ("—", "dim-label");
}

/* A figure in the indicator's unit: "12.3 亿元", "5.8%". */
GtkWidget *
ledger_ranking_cells_number (LedgerIndicator *indicator,
                             double           number)
{
  g_autofree char *text = NULL;

  if (isnan (number))
    return missing_new ();
  text = ledger_indicator_format_value (indicator, number);
  return label_new (text, NULL);
}

/* Points of a score: "42.5"; an adjustment with its sign: "+2.0", "−1.5". */
GtkWidget *
ledger_ranking_cells_points (double   points,
                             gboolean signed_)
{
  g_autofree char *text = NULL;

  if (isnan (points))
    return missing_new ();
  if (signed_ && points != 0)
    text = g_strdup_printf ("%s%.1f", points > 0 ? "+" : "−", fabs (points));
  else
    text = g_strdup_printf ("%.1f", points);
  return label_new (text, NULL);
}

/* Completion as a percentage of what is due: 1.032 is "103.2%". */
char *
ledger_ranking_cells_score_text (double score)
{
  if (isnan (score))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", score * 100);
}

GtkWidget *
ledger_ranking_cells_score (double score)
{
  g_autofree char *text = NULL;

  if (isnan (score))
    return missing_new ();
  text = ledger_ranking_cells_score_text (score);
  return label_new (text, NULL);
}

/* A place, or 未报 for one without a figure (listed last). */
GtkWidget *
ledger_ranking_cells_place (guint rank)
{
  g_autofree char *text = NULL;

  if (rank == 0)
    return label_new (C_("ranking", "Not reported"), "dim-label");
  text = g_strdup_printf ("%u", rank);
  return label_new (text, "heading");
}

GtkWidget *
ledger_ranking_cells_rank (const LedgerRankRow *row)
{
  return ledger_ranking_cells_place (row->rank);
}

/* The region's name; in the composite, how many of its figures are
 * missing (each counted as 0). */
GtkWidget *
ledger_ranking_cells_region (const LedgerRankRow *row,
                             gboolean             composite)
{
  GtkWidget *box, *missing;
  g_autofree char *text = NULL;

  if (!composite || row->n_missing == 0)
    return label_new (row->name, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* Translators: in the composite ranking, the indicators a region has not reported */
  text = g_strdup_printf (ngettext ("%u not reported", "%u not reported", row->n_missing), row->n_missing);
  missing = label_new (text, "caption");
  gtk_widget_add_css_class (missing, "warning");
  gtk_box_append (GTK_BOX (box), label_new (row->name, NULL));
  gtk_box_append (GTK_BOX (box), missing);
  return box;
}

/* 争先进位 in words: "up 2 places". */
char *
ledger_ranking_cells_change_words (const LedgerRankRow *row)
{
  if (!row->has_change)
    return g_strdup (_("no earlier rank to compare with"));
  if (row->change > 0)
    return g_strdup_printf (ngettext ("up %d place", "up %d places", row->change), row->change);
  if (row->change < 0)
    return g_strdup_printf (ngettext ("down %d place", "down %d places", -row->change), -row->change);
  return g_strdup (_("same rank as before"));
}

/* ↑2, ↓1 or —, with the words as its tooltip. */
GtkWidget *
ledger_ranking_cells_change (const LedgerRankRow *row)
{
  g_autofree char *words = ledger_ranking_cells_change_words (row);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (!row->has_change || row->change == 0)
    label = missing_new ();
  else
    {
      text = g_strdup_printf ("%s%d", row->change > 0 ? "↑" : "↓", abs (row->change));
      label = label_new (text, row->change > 0 ? "success" : "error");
    }
  gtk_widget_set_tooltip_text (label, words);
  return label;
}

/* The band against the city: a coloured pill that says it in words. */
GtkWidget *
ledger_ranking_cells_band (LedgerRankBand band)
{
  static const char *classes[] = { NULL, "above", "level", "below" };
  GtkWidget *label = label_new (ledger_rank_band_label (band), NULL);

  if (band != LEDGER_RANK_BAND_NONE && band < G_N_ELEMENTS (classes))
    {
      gtk_widget_add_css_class (label, "rank-band");
      gtk_widget_add_css_class (label, classes[band]);
    }
  return label;
}

static void
add_figure (GPtrArray       *parts,
            const char      *format,
            LedgerIndicator *indicator,
            double           number)
{
  g_autofree char *text = NULL;

  if (isnan (number))
    return;
  text = ledger_indicator_format_value (indicator, number);
  g_ptr_array_add (parts, g_strdup_printf (format, text));
}

static char *
join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts a screen reader says of a ranking's row */
  return g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
}

/* What a screen reader says of a region's row: "1, 潞州区, completion
 * 103.2%, up 2 places, above the city". */
char *
ledger_ranking_cells_row_label (LedgerIndicator     *indicator,
                                const LedgerRankRow *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *score = ledger_ranking_cells_score_text (row->score);

  g_ptr_array_add (parts, row->rank > 0 ? g_strdup_printf (_("rank %u"), row->rank) : g_strdup (C_("ranking", "Not reported")));
  g_ptr_array_add (parts, g_strdup (row->name));
  if (indicator != NULL)
    {
      add_figure (parts, _("figure %s"), indicator, row->value);
      add_figure (parts, _("target %s"), indicator, row->target);
      add_figure (parts, _("expected %s"), indicator, row->expected);
    }
  if (!isnan (row->score))
    g_ptr_array_add (parts, g_strdup_printf (_("completion %s"), score));
  if (row->n_missing > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u not reported", "%u not reported", row->n_missing),
                                             row->n_missing));
  g_ptr_array_add (parts, ledger_ranking_cells_change_words (row));
  if (row->band != LEDGER_RANK_BAND_NONE)
    g_ptr_array_add (parts, g_strdup (ledger_rank_band_label (row->band)));
  return join_parts (parts);
}

char *
ledger_ranking_cells_city_label (double score)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = ledger_ranking_cells_score_text (score);

  g_ptr_array_add (parts, g_strdup (C_("ranking", "City")));
  if (!isnan (score))
    g_ptr_array_add (parts, g_strdup_printf (_("completion %s"), text));
  return join_parts (parts);
}

static void
add_points (GPtrArray  *parts,
            const char *format,
            double      points)
{
  if (!isnan (points))
    g_ptr_array_add (parts, g_strdup_printf (format, points));
}

/* What a screen reader says of a line of points: "rank 2, 市发展改革委,
 * completion 98.0%, completion points 58.8, rank points 18.5, adjustments
 * -1.0, total 76.3". */
char *
ledger_ranking_cells_line_label (const LedgerScoreLine *line)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *score = ledger_ranking_cells_score_text (line->score);

  g_ptr_array_add (parts, line->rank > 0 ? g_strdup_printf (_("rank %u"), line->rank)
                                         : g_strdup (C_("ranking", "Not reported")));
  g_ptr_array_add (parts, g_strdup (line->name));
  if (!isnan (line->score))
    g_ptr_array_add (parts, g_strdup_printf (_("completion %s"), score));
  add_points (parts, _("completion points %.1f"), line->completion);
  add_points (parts, _("rank points %.1f"), line->rank_points);
  add_points (parts, _("adjustments %+.1f"), line->adjustments);
  add_points (parts, _("total %.1f"), line->total);
  return join_parts (parts);
}

/* What the completion of @indicator's ranking measures. */
const char *
ledger_ranking_cells_legend (LedgerIndicator *indicator)
{
  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE)
    return _("Completion is the figure against what is due by the period. A region is above or "
             "below the city when its completion differs from the city’s own by more than half a point.");
  return _("Completion is the figure against the target, turned round where lower is better. A region is "
           "above or below the city when its completion differs from the city’s own by more than half a point.");
}

const char *
ledger_ranking_cells_composite_legend (void)
{
  return _("Composite: the mean of a region’s completions on the ranked indicators, each capped at "
           "120 percent and counted by its weight; a figure not reported counts as 0.");
}
