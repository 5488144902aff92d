/* ledger-chart.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-chart.h"
#include "ledger-chart-scale.h"
#include "ledger-chart-series.h"
#include "ledger-status.h"
#include "ledger-style.h"

/* The chart of an indicator's year, drawn with cairo through GtkSnapshot.
 * Cumulative totals: the year-to-date line against the pace line (target ×
 * pace) and the target, with each period's increment as a bar. Rates and
 * levels: the values against the target, the tolerance band shaded.
 * Qualitative tasks: their status through the year. The same indicator in
 * an earlier plan is a faint line. The compact form is the sparkline of an
 * indicator row: no axes, no labels. Colours come from the style, so dark
 * mode follows; hovering shows a point's period, value and status. */

struct _LedgerChart
{
  GtkWidget         parent_instance;

  gboolean           compact;
  LedgerChartSeries *series;     /* NULL until there is data */
  LedgerIndicator   *indicator;  /* the series's, for short */
  GArray            *points;     /* the series's this year, of LedgerChartPoint */
  LedgerChartScale   scale;
  int               hover;
  GHashTable       *layouts;  /* label text → PangoLayout, kept between frames */
};

G_DEFINE_FINAL_TYPE (LedgerChart, ledger_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define MARGIN_LEFT 64
#define MARGIN_RIGHT 16
#define MARGIN_TOP 24
#define MARGIN_BOTTOM 28

static gboolean
is_kind (LedgerChart *self,
         LedgerKind   kind)
{
  return self->indicator != NULL && ledger_indicator_get_kind (self->indicator) == kind;
}

/* The plot area, inside the axes' labels. */
static graphene_rect_t
plot_area (LedgerChart *self)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->compact)
    return GRAPHENE_RECT_INIT (1, 2, MAX (1, width - 2), MAX (1, height - 4));
  return GRAPHENE_RECT_INIT (MARGIN_LEFT, MARGIN_TOP,
                             MAX (1, width - MARGIN_LEFT - MARGIN_RIGHT),
                             MAX (1, height - MARGIN_TOP - MARGIN_BOTTOM));
}

static double
x_of (LedgerChart           *self,
      const graphene_rect_t *area,
      double                 slot)
{
  return area->origin.x + area->size.width * slot / ledger_chart_series_get_n_slots (self->series);
}

static double
y_of (LedgerChart           *self,
      const graphene_rect_t *area,
      double                 value)
{
  return area->origin.y + area->size.height * (1 - ledger_chart_scale_position (&self->scale, value));
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_line (LedgerChart           *self,
           cairo_t               *cr,
           const graphene_rect_t *area,
           GArray                *points)
{
  gboolean started = FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      LedgerChartPoint *point = &g_array_index (points, LedgerChartPoint, i);
      double x = x_of (self, area, point->slot), y = y_of (self, area, point->number);

      if (isnan (point->number))
        continue;
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_stroke (cr);
}

/* One path and one fill for the dots of each status, each status's
 * colour looked up once: a chart of ten years has 110 dots. */
static void
draw_dots (LedgerChart           *self,
           cairo_t               *cr,
           const graphene_rect_t *area)
{
  for (guint kind = 0; kind < 2 * LEDGER_N_STATUSES; kind++)
    {
      LedgerStatus status = kind % LEDGER_N_STATUSES;
      gboolean summed = kind >= LEDGER_N_STATUSES;
      gboolean any = FALSE;

      for (guint i = 0; i < self->points->len; i++)
        {
          LedgerChartPoint *point = &g_array_index (self->points, LedgerChartPoint, i);
          double radius = (int) i == self->hover ? 6 : 4;
          double x = x_of (self, area, point->slot), y = y_of (self, area, point->number);

          if (isnan (point->number) || point->status != status || point->summed != summed)
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, summed ? radius - 1 : radius, 0, 2 * G_PI);
          any = TRUE;
        }
      if (any)
        {
          GdkRGBA color = ledger_style_status_color (GTK_WIDGET (self), status);

          set_source (cr, &color, 1);
          /* The regions' sum is a ring: a figure the city has not
           * recorded itself, told apart without colour. */
          if (summed)
            {
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
            }
          else
            cairo_fill (cr);
        }
    }
}

static void
draw_horizontal (LedgerChart           *self,
                 cairo_t               *cr,
                 const graphene_rect_t *area,
                 double                 value)
{
  double y = y_of (self, area, value);

  cairo_move_to (cr, area->origin.x, y);
  cairo_line_to (cr, area->origin.x + area->size.width, y);
  cairo_stroke (cr);
}

/* Each period's increment of a year-to-date total, as a bar. */
static void
draw_increments (LedgerChart           *self,
                 cairo_t               *cr,
                 const graphene_rect_t *area,
                 const GdkRGBA         *color)
{
  double previous = 0, previous_slot = 0;
  double slot_width = area->size.width / ledger_chart_series_get_n_slots (self->series);

  set_source (cr, color, 0.22);
  for (guint i = 0; i < self->points->len; i++)
    {
      LedgerChartPoint *point = &g_array_index (self->points, LedgerChartPoint, i);
      double x0 = x_of (self, area, previous_slot) + 2;
      double x1 = x_of (self, area, point->slot) - 2;
      double top = y_of (self, area, point->number - previous);
      double base = y_of (self, area, 0);

      if (x1 - x0 < slot_width * 0.3)
        x0 = x1 - slot_width * 0.3;
      cairo_rectangle (cr, x0, MIN (top, base), MAX (1, x1 - x0), fabs (base - top));
      previous = point->number;
      previous_slot = point->slot;
    }
  cairo_fill (cr);
}

static void
draw_cumulative (LedgerChart           *self,
                 cairo_t               *cr,
                 const graphene_rect_t *area,
                 const GdkRGBA         *fg,
                 const GdkRGBA         *accent)
{
  double target = ledger_indicator_get_target (self->indicator);
  const double dashes[] = { 4, 4 };
  const double *due = ledger_chart_series_get_due (self->series);

  if (!self->compact)
    draw_increments (self, cr, area, accent);

  /* The pace line: what is due by each month, as the indicator's pace
   * profile has it (target × m/12 for 序时进度); over several years, a
   * straight line to the target. A year-end target or a milestone has
   * none: it is due whole when assessed. */
  set_source (cr, fg, self->compact ? 0.25 : 0.45);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, x_of (self, area, 0), y_of (self, area, 0));
  if (due != NULL)
    for (int month = 1; month <= 12; month++)
      cairo_line_to (cr, x_of (self, area, month), y_of (self, area, due[month]));
  else if (ledger_chart_series_is_multi_year (self->series))
    cairo_line_to (cr, x_of (self, area, ledger_chart_series_get_n_slots (self->series)),
                   y_of (self, area, target));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (!self->compact)
    {
      set_source (cr, fg, 0.6);
      draw_horizontal (self, cr, area, target);
    }
}

/* The band around the target where a rate or level is on track (about) or
 * on warning (at least, at most). */
static void
draw_band (LedgerChart           *self,
           cairo_t               *cr,
           const graphene_rect_t *area,
           const GdkRGBA         *fg)
{
  LedgerComparator comparator = ledger_indicator_get_comparator (self->indicator);
  double target = ledger_indicator_get_target (self->indicator);
  double low = target, high = target;
  double about, warning;

  ledger_tolerances_widths (ledger_chart_series_get_tolerances (self->series), self->indicator, &about, &warning);
  if (comparator == LEDGER_COMPARATOR_ABOUT)
    low = target - about, high = target + about;
  else if (comparator == LEDGER_COMPARATOR_AT_LEAST)
    low = target - warning;
  else
    high = target + warning;

  set_source (cr, fg, 0.10);
  cairo_rectangle (cr, area->origin.x, y_of (self, area, high), area->size.width,
                   y_of (self, area, low) - y_of (self, area, high));
  cairo_fill (cr);
  set_source (cr, fg, 0.6);
  cairo_set_line_width (cr, 1);
  draw_horizontal (self, cr, area, target);
}

static void draw_text (LedgerChart *self, cairo_t *cr, const char *text, double x, double y, double x_align);

static void
draw_statuses (LedgerChart           *self,
               cairo_t               *cr,
               const graphene_rect_t *area)
{
  double previous_slot = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      LedgerChartPoint *point = &g_array_index (self->points, LedgerChartPoint, i);
      GdkRGBA color = ledger_style_status_color (GTK_WIDGET (self), point->status);

      double x0 = x_of (self, area, previous_slot), x1 = x_of (self, area, point->slot);

      set_source (cr, &color, (int) i == self->hover ? 1 : 0.75);
      cairo_rectangle (cr, x0 + 1, area->origin.y + area->size.height * 0.3, x1 - x0 - 2,
                       area->size.height * 0.4);
      cairo_fill (cr);
      /* The status in words too, not by colour alone. */
      if (!self->compact)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, 1);
          draw_text (self, cr, ledger_status_label (ledger_status_to_string (point->status)),
                     (x0 + x1) / 2, area->origin.y + area->size.height / 2, 0.5);
        }
      previous_slot = point->slot;
    }
}

/* Returns: (transfer none): the layout of a label; the same labels are
 * drawn every frame, so they are laid out once. */
static PangoLayout *
label_layout (LedgerChart *self,
              const char  *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->layouts, text);
  PangoAttrList *attributes;

  if (layout != NULL)
    return layout;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  g_hash_table_insert (self->layouts, g_strdup (text), layout);
  return layout;
}
static void
draw_text (LedgerChart *self,
           cairo_t     *cr,
           const char  *text,
           double       x,
           double       y,
           double       x_align)
{
  PangoLayout *layout = label_layout (self, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * x_align, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static char *
slot_label (LedgerChart *self,
            guint        slot)
{
  int first_year = ledger_chart_series_get_first_year (self->series);
  LedgerPeriod period;

  if (ledger_chart_series_is_multi_year (self->series))
    period = (LedgerPeriod) { first_year + (int) slot - 1, LEDGER_PERIOD_YEAR, 0 };
  else
    period = (LedgerPeriod) { first_year, LEDGER_PERIOD_QUARTER, (int) slot / 3 };
  return ledger_period_label (&period);
}

static void
draw_axes (LedgerChart           *self,
           cairo_t               *cr,
           const graphene_rect_t *area,
           const GdkRGBA         *fg)
{
  const char *unit = is_kind (self, LEDGER_KIND_QUALITATIVE) ? "" : ledger_indicator_get_unit (self->indicator);
  guint step = ledger_chart_series_is_multi_year (self->series) ? 1 : 3;
  double n_slots = ledger_chart_series_get_n_slots (self->series);

  cairo_set_line_width (cr, 1);
  /* The unit once, above the axis; the ticks are plain round numbers. */
  set_source (cr, fg, 0.6);
  if (!is_kind (self, LEDGER_KIND_QUALITATIVE))
    draw_text (self, cr, unit, area->origin.x - 6, area->origin.y - MARGIN_TOP / 2.0 - 2, 1);
  for (guint i = 0; i < self->scale.n_ticks && !is_kind (self, LEDGER_KIND_QUALITATIVE); i++)
    {
      double tick = ledger_chart_scale_tick (&self->scale, i);
      g_autofree char *label = ledger_chart_scale_label (&self->scale, tick, NULL);

      draw_text (self, cr, label, area->origin.x - 6, y_of (self, area, tick), 1);
    }
  /* The grid in one stroke. */
  set_source (cr, fg, 0.08);
  for (guint i = 0; i < self->scale.n_ticks && !is_kind (self, LEDGER_KIND_QUALITATIVE); i++)
    {
      double y = y_of (self, area, ledger_chart_scale_tick (&self->scale, i));

      cairo_move_to (cr, area->origin.x, y);
      cairo_line_to (cr, area->origin.x + area->size.width, y);
    }
  cairo_stroke (cr);
  set_source (cr, fg, 0.6);
  for (guint slot = step; slot <= n_slots; slot += step)
    {
      g_autofree char *label = slot_label (self, slot);

      set_source (cr, fg, 0.6);
      draw_text (self, cr, label, x_of (self, area, slot),
                 area->origin.y + area->size.height + MARGIN_BOTTOM / 2.0, slot == n_slots ? 1 : 0.5);
    }
}

static void
ledger_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LedgerChart *self = LEDGER_CHART (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget));
  graphene_rect_t area = plot_area (self);
  GdkRGBA fg, accent;
  cairo_t *cr;

  if (self->indicator == NULL || bounds.size.width < 2 || bounds.size.height < 2)
    return;

  fg = ledger_style_color (widget, "window_fg_color");
  accent = ledger_style_color (widget, "accent_color");
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (!self->compact)
    draw_axes (self, cr, &area, &fg);

  if (is_kind (self, LEDGER_KIND_QUALITATIVE))
    draw_statuses (self, cr, &area);
  else
    {
      if (is_kind (self, LEDGER_KIND_CUMULATIVE))
        draw_cumulative (self, cr, &area, &fg, &accent);
      else if (!self->compact)
        draw_band (self, cr, &area, &fg);

      set_source (cr, &fg, 0.3);
      cairo_set_line_width (cr, 1.5);
      draw_line (self, cr, &area, ledger_chart_series_get_earlier (self->series));

      set_source (cr, &accent, 1);
      cairo_set_line_width (cr, self->compact ? 1.5 : 2.5);
      draw_line (self, cr, &area, self->points);
      if (!self->compact)
        draw_dots (self, cr, &area);
    }
  cairo_destroy (cr);
}

/* Another font or scale: the labels are laid out anew. */
static void
ledger_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  LedgerChart *self = LEDGER_CHART (widget);

  GTK_WIDGET_CLASS (ledger_chart_parent_class)->css_changed (widget, change);
  g_hash_table_remove_all (self->layouts);
}

static void
ledger_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  LedgerChart *self = LEDGER_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 48 : 240;
      *natural = self->compact ? 72 : 600;
    }
  else
    *minimum = *natural = self->compact ? 20 : 220;
}

/* The index of the point nearest to @x, or -1. */
static int
point_at (LedgerChart *self,
          double       x)
{
  graphene_rect_t area = plot_area (self);
  double best = G_MAXDOUBLE;
  int index = -1;

  if (self->series == NULL)
    return -1;

  for (guint i = 0; i < self->points->len; i++)
    {
      double distance = fabs (x_of (self, &area, g_array_index (self->points, LedgerChartPoint, i).slot) - x);

      if (distance < best && distance < area.size.width / ledger_chart_series_get_n_slots (self->series))
        best = distance, index = (int) i;
    }
  return index;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LedgerChart              *self)
{
  int hover = point_at (self, x);

  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LedgerChart              *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (LedgerChart *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  int index = point_at (self, x);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  text = ledger_chart_dup_point_text (self, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ledger_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LedgerChart *self = LEDGER_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LedgerChart *self = LEDGER_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      if (self->compact)
        gtk_widget_add_css_class (GTK_WIDGET (self), "sparkline");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_chart_dispose (GObject *object)
{
  LedgerChart *self = LEDGER_CHART (object);

  g_clear_object (&self->series);
  g_clear_pointer (&self->layouts, g_hash_table_unref);

  G_OBJECT_CLASS (ledger_chart_parent_class)->dispose (object);
}

static void
ledger_chart_class_init (LedgerChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_chart_dispose;
  object_class->get_property = ledger_chart_get_property;
  object_class->set_property = ledger_chart_set_property;
  widget_class->snapshot = ledger_chart_snapshot;
  widget_class->measure = ledger_chart_measure;
  widget_class->css_changed = ledger_chart_css_changed;

  /**
   * LedgerChart:compact:
   *
   * The sparkline of a row: no axes, no labels.
   */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ledger_chart_init (LedgerChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->hover = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
ledger_chart_new (gboolean compact)
{
  return g_object_new (LEDGER_TYPE_CHART, "compact", compact, NULL);
}

static void
update_scale (LedgerChart *self)
{
  double minimum, maximum;

  ledger_chart_series_get_range (self->series, &minimum, &maximum);
  ledger_chart_scale_init (&self->scale, minimum, maximum, self->compact ? 3 : 6);
}

/**
 * ledger_chart_set_data:
 * @values: (element-type LedgerValue): the indicator's values
 * @earlier_values: (nullable) (element-type LedgerValue): the values of
 *   the same indicator in an earlier plan, drawn a year later, faintly
 *
 * Shows the indicator's values of the plan's years.
 */
void
ledger_chart_set_data (LedgerChart            *self,
                       LedgerIndicator        *indicator,
                       int                     first_year,
                       int                     last_year,
                       GListModel             *values,
                       GListModel             *earlier_values,
                       const LedgerTolerances *tolerances)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LEDGER_IS_CHART (self));
  g_return_if_fail (LEDGER_IS_INDICATOR (indicator));

  g_clear_object (&self->series);
  self->series = ledger_chart_series_new (indicator, first_year, last_year, tolerances);
  ledger_chart_series_set_values (self->series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  ledger_chart_series_set_earlier (self->series, earlier_values);
  self->indicator = ledger_chart_series_get_indicator (self->series);
  self->points = ledger_chart_series_get_points (self->series);
  update_scale (self);
  g_hash_table_remove_all (self->layouts);
  self->hover = -1;

  description = ledger_chart_dup_description (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ledger_indicator_get_name (indicator),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ledger_chart_get_n_points (LedgerChart *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART (self), 0);
  return self->points != NULL ? self->points->len : 0;
}

/* Returns: (transfer full): "1-6月: 2.6 万人 · 正常", what hovering shows */
char *
ledger_chart_dup_point_text (LedgerChart *self,
                             guint        index)
{
  LedgerChartPoint *point;
  g_autofree char *period = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (LEDGER_IS_CHART (self), NULL);
  g_return_val_if_fail (index < ledger_chart_get_n_points (self), NULL);

  point = &g_array_index (self->points, LedgerChartPoint, index);
  period = ledger_period_code_label (point->period);
  if (!isnan (point->number))
    value = ledger_indicator_format_value (self->indicator, point->number);
  if (point->summed)
    /* Translators: a point of a chart where the city's figure is its regions' sum: period, value and status */
    return g_strdup_printf (_("%s: %s (sum of regions) · %s"), period, value != NULL ? value : "—",
                            ledger_status_label (ledger_status_to_string (point->status)));
  /* Translators: a point of a chart: period, value and status */
  return g_strdup_printf (_("%s: %s · %s"), period, value != NULL ? value : "—",
                          ledger_status_label (ledger_status_to_string (point->status)));
}

/* Returns: (transfer full): the chart as text, for screen readers */
char *
ledger_chart_dup_description (LedgerChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *target = NULL;

  g_return_val_if_fail (LEDGER_IS_CHART (self), NULL);

  if (self->indicator == NULL)
    return g_strdup ("");
  target = ledger_indicator_dup_target_text (self->indicator);
  /* Translators: the start of a chart's text for screen readers */
  g_string_append_printf (text, _("Target %s."), target);
  if (self->points->len == 0)
    g_string_append_printf (text, " %s", _("No values yet."));
  for (guint i = 0; i < self->points->len; i++)
    {
      g_autofree char *point = ledger_chart_dup_point_text (self, i);

      g_string_append_printf (text, " %s.", point);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
