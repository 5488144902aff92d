/* ledger-indicator.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-indicator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "ledger-indicator.h"
#include "ledger-region-target.h"
#include "ledger-names.h"
#include "ledger-status.h"

/* A measurable target of a task, as the plan defines it. Values live in the
 * store; this object only describes the target. */
struct _LedgerIndicator
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  char            *code;
  char            *name;
  char            *unit;
  LedgerKind       kind;
  LedgerComparator comparator;
  LedgerBetter     better;
  double           target;
  LedgerFrequency  frequency;
  char            *responsible_unit;
  char            *supporting_units;  /* one per line, in their order */
  GPtrArray       *milestones;
  GPtrArray       *region_targets;
  char            *notes;
  char            *source_text;
  LedgerProfile    profile;
  char            *custom_shares;
  int              due_month;
  LedgerJanuary    january;
  LedgerCommitment commitment;
  gboolean         unit_confirmed;
};

G_DEFINE_FINAL_TYPE (LedgerIndicator, ledger_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CODE,
  PROP_NAME,
  PROP_UNIT,
  PROP_KIND,
  PROP_COMPARATOR,
  PROP_BETTER,
  PROP_TARGET,
  PROP_FREQUENCY,
  PROP_RESPONSIBLE_UNIT,
  PROP_SUPPORTING_UNITS,
  PROP_NOTES,
  PROP_SOURCE_TEXT,
  PROP_PROFILE,
  PROP_CUSTOM_SHARES,
  PROP_DUE_MONTH,
  PROP_JANUARY,
  PROP_COMMITMENT,
  PROP_UNIT_CONFIRMED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *kind_names[] = { "cumulative", "rate", "level", "qualitative" };
static const char *comparator_names[] = { "none", "at_least", "about", "at_most" };
static const char *better_names[] = { "higher", "lower", "none" };
static const char *profile_names[] = { "linear", "seasonal", "custom", "year_end", "milestone" };
static const char *january_names[] = { "combined", "separate" };
static const char *commitment_names[] = { "none", "firm", "strive" };

static char **
string_field (LedgerIndicator *self,
              guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID: return &self->uuid;
    case PROP_CODE: return &self->code;
    case PROP_NAME: return &self->name;
    case PROP_UNIT: return &self->unit;
    case PROP_RESPONSIBLE_UNIT: return &self->responsible_unit;
    case PROP_SUPPORTING_UNITS: return &self->supporting_units;
    case PROP_NOTES: return &self->notes;
    case PROP_SOURCE_TEXT: return &self->source_text;
    case PROP_CUSTOM_SHARES: return &self->custom_shares;
    default: return NULL;
    }
}

static void
ledger_indicator_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LedgerIndicator *self = LEDGER_INDICATOR (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_COMPARATOR: g_value_set_int (value, self->comparator); break;
    case PROP_BETTER: g_value_set_int (value, self->better); break;
    case PROP_TARGET: g_value_set_double (value, self->target); break;
    case PROP_FREQUENCY: g_value_set_int (value, self->frequency); break;
    case PROP_PROFILE: g_value_set_int (value, self->profile); break;
    case PROP_DUE_MONTH: g_value_set_int (value, self->due_month); break;
    case PROP_JANUARY: g_value_set_int (value, self->january); break;
    case PROP_COMMITMENT: g_value_set_int (value, self->commitment); break;
    case PROP_UNIT_CONFIRMED: g_value_set_boolean (value, self->unit_confirmed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_indicator_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LedgerIndicator *self = LEDGER_INDICATOR (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
      if (*field == NULL)
        *field = g_strdup ("");
      return;
    }

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_KIND: self->kind = g_value_get_int (value); break;
    case PROP_COMPARATOR: self->comparator = g_value_get_int (value); break;
    case PROP_BETTER: self->better = g_value_get_int (value); break;
    case PROP_TARGET: self->target = g_value_get_double (value); break;
    case PROP_FREQUENCY: self->frequency = g_value_get_int (value); break;
    case PROP_PROFILE: self->profile = g_value_get_int (value); break;
    case PROP_DUE_MONTH: self->due_month = g_value_get_int (value); break;
    case PROP_JANUARY: self->january = g_value_get_int (value); break;
    case PROP_COMMITMENT: self->commitment = g_value_get_int (value); break;
    case PROP_UNIT_CONFIRMED: self->unit_confirmed = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_indicator_finalize (GObject *object)
{
  LedgerIndicator *self = LEDGER_INDICATOR (object);

  for (guint prop_id = PROP_ID; prop_id < N_PROPS; prop_id++)
    {
      char **field = string_field (self, prop_id);

      if (field != NULL)
        g_clear_pointer (field, g_free);
    }
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->region_targets, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_indicator_parent_class)->finalize (object);
}

static GParamSpec *
string_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int_param (const char *name,
           int         maximum)
{
  return g_param_spec_int (name, NULL, NULL, 0, maximum, 0,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
}

static void
ledger_indicator_class_init (LedgerIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_indicator_finalize;
  object_class->get_property = ledger_indicator_get_property;
  object_class->set_property = ledger_indicator_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [PROP_UUID] = string_param ("uuid");
  properties [PROP_CODE] = string_param ("code");
  properties [PROP_NAME] = string_param ("name");
  properties [PROP_UNIT] = string_param ("unit");
  properties [PROP_KIND] = int_param ("kind", LEDGER_KIND_QUALITATIVE);
  properties [PROP_COMPARATOR] = int_param ("comparator", LEDGER_COMPARATOR_AT_MOST);
  properties [PROP_BETTER] = int_param ("better", LEDGER_BETTER_NONE);
  properties [PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties [PROP_FREQUENCY] = int_param ("frequency", LEDGER_FREQUENCY_ANNUAL);
  properties [PROP_RESPONSIBLE_UNIT] = string_param ("responsible-unit");
  properties [PROP_SUPPORTING_UNITS] = string_param ("supporting-units");
  properties [PROP_NOTES] = string_param ("notes");
  properties [PROP_SOURCE_TEXT] = string_param ("source-text");
  properties [PROP_PROFILE] = int_param ("profile", LEDGER_PROFILE_MILESTONE);
  /* "3:30,6:60": 30 % of the target due by March, 60 % by June (see
   * ledger_indicator_custom_share()) */
  properties [PROP_CUSTOM_SHARES] = string_param ("custom-shares");
  /* The month of each year a milestone is due by: 12 is 全年 */
  properties [PROP_DUE_MONTH] =
    g_param_spec_int ("due-month", NULL, NULL, 1, 12, 12,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties [PROP_JANUARY] = int_param ("january", LEDGER_JANUARY_SEPARATE);
  properties [PROP_COMMITMENT] = int_param ("commitment", LEDGER_COMMITMENT_STRIVE);
  /* The responsible unit is a proposal until the office confirms it */
  properties [PROP_UNIT_CONFIRMED] =
    g_param_spec_boolean ("unit-confirmed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_indicator_init (LedgerIndicator *self)
{
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);
  self->region_targets = ledger_region_targets_new ();
}

LedgerIndicator *
ledger_indicator_new (void)
{
  return g_object_new (LEDGER_TYPE_INDICATOR, NULL);
}

gint64
ledger_indicator_get_id (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0);
  return self->id;
}

void
ledger_indicator_set_id (LedgerIndicator *self,
                         gint64           id)
{
  g_return_if_fail (LEDGER_IS_INDICATOR (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }
}

#define STRING_GETTER(field) \
  const char * \
  ledger_indicator_get_##field (LedgerIndicator *self) \
  { \
    g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL); \
    return self->field; \
  }

STRING_GETTER (uuid)
STRING_GETTER (code)
STRING_GETTER (name)
STRING_GETTER (unit)
STRING_GETTER (responsible_unit)
STRING_GETTER (supporting_units)
STRING_GETTER (notes)
STRING_GETTER (source_text)
STRING_GETTER (custom_shares)

#define VALUE_GETTER(type, field) \
  type \
  ledger_indicator_get_##field (LedgerIndicator *self) \
  { \
    g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0); \
    return self->field; \
  }

VALUE_GETTER (LedgerProfile, profile)
VALUE_GETTER (int, due_month)
VALUE_GETTER (LedgerJanuary, january)
VALUE_GETTER (LedgerCommitment, commitment)
VALUE_GETTER (gboolean, unit_confirmed)

/* Gives @self the pace profile, January rule, commitment and unit
 * confirmation of @from: an edit of the other fields keeps them. */
void
ledger_indicator_copy_schedule (LedgerIndicator *self,
                                LedgerIndicator *from)
{
  g_return_if_fail (LEDGER_IS_INDICATOR (self));
  g_return_if_fail (LEDGER_IS_INDICATOR (from));

  g_object_set (self,
                "profile", from->profile, "custom-shares", from->custom_shares,
                "due-month", from->due_month, "january", from->january,
                "commitment", from->commitment, "unit-confirmed", from->unit_confirmed,
                NULL);
}

/**
 * ledger_indicator_copy_with_target:
 * @target: the copy's target
 *
 * Returns: (transfer full): a copy of @self's definition (every property,
 *   not its milestones or region targets) with another target: a region's
 *   target judged by the city's rules (docs/regions.md, Rankings).
 */
LedgerIndicator *
ledger_indicator_copy_with_target (LedgerIndicator *self,
                                   double           target)
{
  LedgerIndicator *copy;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL);

  copy = ledger_indicator_new ();
  for (guint prop_id = PROP_ID; prop_id < N_PROPS; prop_id++)
    {
      const char *name = g_param_spec_get_name (properties[prop_id]);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (properties[prop_id]));
      g_object_get_property (G_OBJECT (self), name, &value);
      g_object_set_property (G_OBJECT (copy), name, &value);
    }
  copy->target = target;
  return copy;
}

/* Whether @period is a period of @frequency, January on its own (2026-01)
 * only where it is released separately. */
gboolean
ledger_schedule_has_period (LedgerFrequency     frequency,
                            LedgerJanuary       january,
                            const LedgerPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (frequency == LEDGER_FREQUENCY_MONTHLY && january == LEDGER_JANUARY_SEPARATE &&
      period->type == LEDGER_PERIOD_MONTH && period->index == 1)
    return TRUE;
  return ledger_frequency_has_period (frequency, period);
}

/* Whether @period is one of the indicator's own periods by its frequency
 * and January rule. The plan's years are the store's business. */
gboolean
ledger_indicator_has_period (LedgerIndicator    *self,
                             const LedgerPeriod *period)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), FALSE);

  return ledger_schedule_has_period (self->frequency, self->january, period);
}

/**
 * ledger_indicator_list_periods:
 *
 * Returns: (transfer full) (element-type utf8): the periods a value of the
 *   indicator may be recorded for, as codes, earliest first: those of the
 *   year before @first_year (the base year, 同期) and of the plan's years,
 *   each year's January first where it is released on its own
 */
GPtrArray *
ledger_indicator_list_periods (LedgerIndicator *self,
                               int              first_year,
                               int              last_year)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), periods);

  for (int year = first_year - 1; year <= last_year; year++)
    {
      g_autoptr(GPtrArray) of_year = ledger_frequency_periods (self->frequency, year, year);
      LedgerPeriod january = { year, LEDGER_PERIOD_MONTH, 1 };

      if (ledger_indicator_has_period (self, &january))
        g_ptr_array_add (periods, ledger_period_to_code (&january));
      g_ptr_array_extend_and_steal (periods, g_steal_pointer (&of_year));
    }
  return periods;
}

static gboolean
parse_share_point (const char  *text,
                   int         *month,
                   double      *share)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  gint64 number;
  char *end;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_signed (g_strstrip (parts[0]), 10, 1, 12, &number, NULL))
    return FALSE;
  *month = (int) number;
  *share = g_ascii_strtod (g_strstrip (parts[1]), &end);
  return end != parts[1] && *end == '\0' && *share >= 0 && *share <= 100;
}

/**
 * ledger_custom_shares_parse:
 * @text: "3:30,6:60,9:85": by month, the percent of the target due
 * @months: (out caller-allocates): LEDGER_CUSTOM_SHARES_MAX months
 * @shares: (out caller-allocates): the percent due by each
 *
 * Months must grow and shares must not fall; a share given for December
 * must be 100. An empty @text has no points.
 */
gboolean
ledger_custom_shares_parse (const char  *text,
                            int         *months,
                            double      *shares,
                            guint       *n_points,
                            GError     **error)
{
  g_auto(GStrv) points = NULL;

  *n_points = 0;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  points = g_strsplit (text, ",", -1);
  for (guint i = 0; points[i] != NULL; i++)
    {
      int month;
      double share;

      if (i >= LEDGER_CUSTOM_SHARES_MAX || !parse_share_point (points[i], &month, &share) ||
          (i > 0 && (month <= months[i - 1] || share < shares[i - 1])) ||
          (month == 12 && share != 100))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a list of shares by month such as “3:30,6:60,9:85”"), text);
          *n_points = 0;
          return FALSE;
        }
      months[i] = month;
      shares[i] = share;
      *n_points = i + 1;
    }
  return TRUE;
}

/**
 * ledger_indicator_custom_share:
 * @month: 1–12
 *
 * Returns: the share of the year's target due by the end of @month under
 *   the office's custom shares, 0–1. Between the points the office gave
 *   the share grows in a straight line, from 0 before January and up to
 *   all of it at December: "3:30,6:60" has 10 % due by January, 40 % by
 *   April and 73.3 % by October. Without points it is 序时进度.
 */
double
ledger_indicator_custom_share (LedgerIndicator *self,
                               int              month)
{
  int months[LEDGER_CUSTOM_SHARES_MAX + 2] = { 0 };
  double shares[LEDGER_CUSTOM_SHARES_MAX + 2] = { 0 };
  guint n = 0;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NAN);

  ledger_custom_shares_parse (self->custom_shares, months + 1, shares + 1, &n, NULL);
  /* The two ends: nothing before January, everything by December. */
  if (n == 0 || months[n] != 12)
    {
      n++;
      months[n] = 12;
      shares[n] = 100;
    }
  for (guint i = 1; i <= n; i++)
    {
      if (month <= months[i])
        {
          double along = (double) (month - months[i - 1]) / (months[i] - months[i - 1]);

          return (shares[i - 1] + along * (shares[i] - shares[i - 1])) / 100;
        }
    }
  return 1;
}

LedgerKind
ledger_indicator_get_kind (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0);
  return self->kind;
}

LedgerComparator
ledger_indicator_get_comparator (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0);
  return self->comparator;
}

LedgerBetter
ledger_indicator_get_better (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0);
  return self->better;
}

double
ledger_indicator_get_target (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0);
  return self->target;
}

LedgerFrequency
ledger_indicator_get_frequency (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), 0);
  return self->frequency;
}

/* Numbers as the report writes them: no trailing zeros, no exponent. */
char *
ledger_format_number (double value)
{
  /* "%f" of the largest double has 309 digits before the point. */
  char buffer[400];
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
  char *end = text + strlen (text) - 1;

  while (end > text && *end == '0')
    *end-- = '\0';
  if (end > text && *end == '.')
    *end = '\0';
  if (g_str_equal (text, "-0"))
    text[0] = '0', text[1] = '\0';
  return text;
}

/* "1000 个", "6%": the unit follows the number, with a space unless it is a
 * percent sign. */
char *
ledger_indicator_format_value (LedgerIndicator *self,
                               double           value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL);

  number = ledger_format_number (value);
  if (self->unit[0] == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (self->unit, "%"))
    return g_strconcat (number, "%", NULL);
  return g_strconcat (number, " ", self->unit, NULL);
}

/**
 * ledger_indicator_describe_value:
 * @value: (nullable): a value of the indicator
 *
 * Returns: (transfer full): "812 个", a qualitative task's status, or a
 *   dash without a value
 */
char *
ledger_indicator_describe_value (LedgerIndicator *self,
                                 LedgerValue     *value)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL);

  if (value == NULL)
    return g_strdup ("—");
  if (ledger_value_has_number (value))
    return ledger_indicator_format_value (self, ledger_value_get_number (value));
  return g_strdup (ledger_status_label (ledger_value_get_status (value)));
}

/* The target as a short text: "≥ 2000 个", "6% 左右", "≤ 30 微克/立方米". */
char *
ledger_indicator_dup_target_text (LedgerIndicator *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL);

  if (self->kind == LEDGER_KIND_QUALITATIVE)
    return g_strdup (_("Qualitative task"));

  value = ledger_indicator_format_value (self, self->target);
  switch (self->comparator)
    {
    case LEDGER_COMPARATOR_AT_LEAST:
      return g_strconcat ("≥ ", value, NULL);
    case LEDGER_COMPARATOR_AT_MOST:
      return g_strconcat ("≤ ", value, NULL);
    case LEDGER_COMPARATOR_ABOUT:
      /* Translators: a target that is approximate, %s is the number and unit ("6% 左右") */
      return g_strdup_printf (_("about %s"), value);
    case LEDGER_COMPARATOR_NONE:
    default:
      return g_steal_pointer (&value);
    }
}

#define NAMES_TO_AND_FROM(type, prefix, names) \
  const char * \
  prefix##_to_string (type value) \
  { \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), NULL); \
    return names[value]; \
  } \
  gboolean \
  prefix##_from_string (const char *string, \
                        type       *value) \
  { \
    return ledger_names_lookup (names, G_N_ELEMENTS (names), string, (int *) value); \
  }

NAMES_TO_AND_FROM (LedgerKind, ledger_kind, kind_names)
NAMES_TO_AND_FROM (LedgerComparator, ledger_comparator, comparator_names)
NAMES_TO_AND_FROM (LedgerBetter, ledger_better, better_names)
NAMES_TO_AND_FROM (LedgerProfile, ledger_profile, profile_names)
NAMES_TO_AND_FROM (LedgerJanuary, ledger_january, january_names)
NAMES_TO_AND_FROM (LedgerCommitment, ledger_commitment, commitment_names)

/* Codes are what imports match on: lower-case ASCII letters, digits and
 * "-", so that they survive any spreadsheet. */
gboolean
ledger_indicator_code_is_valid (const char *code)
{
  if (code == NULL || code[0] == '\0')
    return FALSE;
  for (const char *c = code; *c; c++)
    {
      if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
        return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer none) (element-type LedgerMilestone): the
 * indicator's milestones, by due date; the array is its own to fill */
GPtrArray *
ledger_indicator_get_milestones (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL);
  return self->milestones;
}

/**
 * ledger_indicator_get_region_targets:
 *
 * Returns: (transfer none) (element-type LedgerRegionTarget): the
 *   targets split to regions, as a plan file gives them; the array is its
 *   own to fill. The ledger keeps them apart (ledger_store_list_region_targets()).
 */
GPtrArray *
ledger_indicator_get_region_targets (LedgerIndicator *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (self), NULL);
  return self->region_targets;
}
