/* ledger-plan-file.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-plan-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-area.h"
#include "ledger-due.h"
#include "ledger-model-resources.h"
#include "ledger-indicator.h"
#include "ledger-json.h"
#include "ledger-plan-file.h"
#include "ledger-plan-file-regions.h"
#include "ledger-region-target.h"
#include "ledger-task.h"

/* Reads and writes plan files (docs/plan-format.md). Every member is checked
 * before anything is built, and an error names the place in the file
 * ("plans[0].areas[2].tasks[1]") and what is wrong with it. */

G_DEFINE_QUARK (ledger-plan-file-error-quark, ledger_plan_file_error)

static const char *plan_members[] = { "uuid", "code", "title", "region", "first_year",
                                      "last_year", "source", "due_days", "areas", NULL };
/* Format 3 adds the regions (docs/regions.md): those the plan's targets
 * are split to, or the one region a county's copy of the plan is for. */
static const char *plan_members_3[] = { "uuid", "code", "title", "region", "first_year",
                                        "last_year", "source", "due_days", "regions",
                                        "for_region", "areas", NULL };
static const char *due_days_members[] = { "monthly", "quarterly", "annual", "units", NULL };
static const char *area_members[] = { "uuid", "title", "short_title", "tasks", NULL };
static const char *task_members[] = { "uuid", "title", "text", "indicators", NULL };
/* Format 3 adds the units, milestones and sub-items of tasks and
 * indicators (docs/plan-format.md). */
static const char *task_members_3[] = { "uuid", "title", "text", "indicators", "lead_unit",
                                        "supporting_units", "milestones", "sub_items", NULL };
static const char *milestone_members[] = { "uuid", "due", "what", "share", "done_on", "note", NULL };
static const char *sub_item_members[] = { "uuid", "title", "status", "note", NULL };
static const char *indicator_members_1[] = { "uuid", "code", "name", "unit", "kind",
                                             "comparator", "better", "target", "frequency",
                                             "responsible_unit", "notes", "source_text", NULL };
/* Format 2 adds how an indicator is paced and read. */
static const char *indicator_members_2[] = { "uuid", "code", "name", "unit", "kind",
                                             "comparator", "better", "target", "frequency",
                                             "responsible_unit", "notes", "source_text",
                                             "profile", "custom_shares", "due_month", "january",
                                             "commitment", "unit_confirmed", "due_day", NULL };
static const char *indicator_members_3[] = { "uuid", "code", "name", "unit", "kind",
                                             "comparator", "better", "target", "frequency",
                                             "responsible_unit", "notes", "source_text",
                                             "profile", "custom_shares", "due_month", "january",
                                             "commitment", "unit_confirmed", "supporting_units",
                                             "milestones", "due_day", "region_targets", NULL };

/* What reading a document keeps track of: the UUIDs of the whole file,
 * the codes of the plan being read, the file's format. */
typedef struct
{
  GHashTable *uuids;
  GHashTable *codes;
  int         format;
  LedgerPlan *plan;     /* the plan being read, for its due days */
} ReadContext;

/* How an indicator is paced and read (format 2), before it is built. */
typedef struct
{
  LedgerProfile     profile;
  char             *custom_shares;
  int               due_month;
  LedgerJanuary     january;
  LedgerCommitment  commitment;
  gboolean          unit_confirmed;
} Schedule;

static gboolean
read_year (LedgerJsonReader *reader,
           JsonObject       *object,
           const char       *member,
           int              *out)
{
  double year;

  if (!ledger_json_read_number (reader, object, member, &year))
    return FALSE;
  ledger_json_at (reader, object, member);
  if (year < 1900 || year > 9999 || year != floor (year))
    return ledger_json_fail (reader, _("“%s” must be a year"), member);
  *out = (int) year;
  return TRUE;
}

static gboolean
read_uuid (LedgerJsonReader  *reader,
           JsonObject        *object,
           GHashTable        *seen,
           const char       **out)
{
  if (!ledger_json_read_uuid (reader, object, "uuid", out))
    return FALSE;
  if (!g_hash_table_add (seen, g_ascii_strdown (*out, -1)))
    return ledger_json_fail (reader, _("the UUID “%s” is used twice"), *out);
  return TRUE;
}

static gboolean
read_enum_member (LedgerJsonReader *reader,
                  JsonObject       *object,
                  const char       *member,
                  gboolean        (*from_string) (const char *, int *),
                  int              *out)
{
  const char *text;

  if (!ledger_json_read_string (reader, object, member, TRUE, &text))
    return FALSE;
  ledger_json_at (reader, object, member);
  if (!from_string (text, out))
    return ledger_json_fail (reader, _("“%s” is not a valid %s"), text, member);
  return TRUE;
}

static gboolean
read_measure (LedgerJsonReader  *reader,
              JsonObject        *object,
              LedgerKind         kind,
              const char       **unit,
              LedgerComparator  *comparator,
              LedgerBetter      *better,
              double            *target)
{
  *comparator = LEDGER_COMPARATOR_NONE;
  *better = LEDGER_BETTER_HIGHER;
  *target = 0;
  *unit = "";

  if (kind == LEDGER_KIND_QUALITATIVE)
    {
      ledger_json_at (reader, object, json_object_has_member (object, "target") ? "target" : "comparator");
      if (json_object_has_member (object, "target") || json_object_has_member (object, "comparator"))
        return ledger_json_fail (reader, _("a qualitative indicator has no target or comparator"));
      return TRUE;
    }

  if (!ledger_json_read_string (reader, object, "unit", TRUE, unit) ||
      !read_enum_member (reader, object, "comparator",
                         (gpointer) ledger_comparator_from_string, (int *) comparator) ||
      !read_enum_member (reader, object, "better",
                         (gpointer) ledger_better_from_string, (int *) better) ||
      !ledger_json_read_number (reader, object, "target", target))
    return FALSE;
  ledger_json_at (reader, object, "comparator");
  if (*comparator == LEDGER_COMPARATOR_NONE)
    return ledger_json_fail (reader, _("a measured indicator needs a comparator other than “none”"));
  return TRUE;
}

static gboolean
read_boolean (LedgerJsonReader *reader,
              JsonObject       *object,
              const char       *member,
              gboolean         *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  ledger_json_at (reader, object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return ledger_json_fail (reader, _("“%s” must be true or false"), member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_optional_enum (LedgerJsonReader *reader,
                    JsonObject       *object,
                    const char       *member,
                    gboolean        (*from_string) (const char *, int *),
                    int              *out)
{
  *out = 0;
  return !json_object_has_member (object, member) ||
         read_enum_member (reader, object, member, from_string, out);
}

static int
compare_months (gconstpointer a,
                gconstpointer b)
{
  return atoi (*(const char **) a) - atoi (*(const char **) b);
}

/* {"3": 30, "6": 60}: the percent of the target due by the end of each
 * month, as the text "3:30,6:60" the indicator holds. */
static gboolean
read_custom_shares (LedgerJsonReader  *reader,
                    JsonObject        *object,
                    char             **out)
{
  JsonNode *node = json_object_get_member (object, "custom_shares");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *shares;
  int parsed_months[LEDGER_CUSTOM_SHARES_MAX];
  double parsed_shares[LEDGER_CUSTOM_SHARES_MAX];
  guint n;

  ledger_json_at (reader, object, "custom_shares");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return ledger_json_fail (reader, _("“custom_shares” must give the percent due by months, "
                                       "such as {\"3\": 30, \"6\": 60}"));
  shares = json_node_get_object (node);
  months = g_ptr_array_new ();
  for (GList *l = json_object_get_members (shares); l != NULL; l = g_list_delete_link (l, l))
    g_ptr_array_add (months, l->data);
  g_ptr_array_sort (months, compare_months);
  for (guint i = 0; i < months->len; i++)
    {
      const char *month = g_ptr_array_index (months, i);
      double share;

      if (!ledger_json_read_number (reader, shares, month, &share))
        return FALSE;
      g_string_append_printf (text, "%s%s:", i > 0 ? "," : "", month);
      ledger_json_append_number (text, share);
    }
  if (!ledger_custom_shares_parse (text->str, parsed_months, parsed_shares, &n, &error) || n == 0)
    {
      ledger_json_at (reader, object, "custom_shares");
      return ledger_json_fail (reader, _("“custom_shares” must give months 1–12 in order and "
                                         "shares of 0–100 that do not fall, 100 by month 12"));
    }
  *out = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* Whether the indicator's schedule fits its kind and frequency: a
 * qualitative task is set by hand, a rate is judged against its target,
 * only a total has shares, only a monthly figure a January of its own. */
static gboolean
check_schedule (LedgerJsonReader *reader,
                JsonObject       *object,
                LedgerKind        kind,
                LedgerFrequency   frequency,
                const Schedule   *schedule)
{
  ledger_json_at (reader, object, "profile");
  if (schedule->profile != LEDGER_PROFILE_LINEAR &&
      (kind == LEDGER_KIND_QUALITATIVE ||
       (kind == LEDGER_KIND_RATE && schedule->profile <= LEDGER_PROFILE_CUSTOM) ||
       (kind != LEDGER_KIND_CUMULATIVE && schedule->profile == LEDGER_PROFILE_CUSTOM)))
    return ledger_json_fail (reader, _("the profile “%s” does not apply to a %s indicator"),
                             ledger_profile_to_string (schedule->profile),
                             ledger_kind_to_string (kind));
  ledger_json_at (reader, object, "due_month");
  if (json_object_has_member (object, "due_month") && schedule->profile != LEDGER_PROFILE_MILESTONE)
    return ledger_json_fail (reader, _("only a milestone has a “due_month”"));
  ledger_json_at (reader, object, "january");
  if (schedule->january == LEDGER_JANUARY_SEPARATE && frequency != LEDGER_FREQUENCY_MONTHLY)
    return ledger_json_fail (reader, _("only a monthly indicator has a January of its own"));
  return TRUE;
}

static gboolean
read_due_month (LedgerJsonReader *reader,
                JsonObject       *object,
                int              *out)
{
  double month = 12;

  *out = 12;
  if (!json_object_has_member (object, "due_month"))
    return TRUE;
  if (!ledger_json_read_number (reader, object, "due_month", &month))
    return FALSE;
  if (month < 1 || month > 12 || month != floor (month))
    return ledger_json_fail (reader, _("“due_month” must be a month, 1–12"));
  *out = (int) month;
  return TRUE;
}

/* A due day, 1–31, of @member of @object, if it is there, for @key of the
 * plan (docs/monthly-cycle.md). */
static gboolean
read_due_day (LedgerJsonReader *reader,
              JsonObject       *object,
              const char       *member,
              LedgerPlan       *plan,
              const char       *key)
{
  double day;

  if (!json_object_has_member (object, member))
    return TRUE;
  if (!ledger_json_read_number (reader, object, member, &day))
    return FALSE;
  ledger_json_at (reader, object, member);
  if (day < 1 || day > 31 || day != floor (day))
    return ledger_json_fail (reader, _("“%s” must be a day of the month, 1–31"), member);
  ledger_plan_set_due_day (plan, key, (int) day);
  return TRUE;
}

/* A plan's "due_days": a day for each frequency, and "units", a day for
 * each responsible unit named. */
static gboolean
read_plan_due_days (LedgerJsonReader *reader,
                    JsonObject       *object,
                    LedgerPlan       *plan)
{
  JsonObject *days, *units;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (object, "due_days"))
    return TRUE;
  ledger_json_at (reader, object, "due_days");
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "due_days")))
    return ledger_json_fail (reader, _("“%s” must be an object"), "due_days");
  days = json_object_get_object_member (object, "due_days");
  if (!ledger_json_check_members (reader, days, due_days_members))
    return FALSE;
  for (LedgerFrequency f = LEDGER_FREQUENCY_MONTHLY; f <= LEDGER_FREQUENCY_ANNUAL; f++)
    {
      g_autofree char *key = ledger_due_key (LEDGER_DUE_FOR_FREQUENCY, ledger_frequency_to_string (f));

      if (!read_due_day (reader, days, ledger_frequency_to_string (f), plan, key))
        return FALSE;
    }
  if (!json_object_has_member (days, "units"))
    return TRUE;
  ledger_json_at (reader, days, "units");
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (days, "units")))
    return ledger_json_fail (reader, _("“%s” must be an object"), "units");
  units = json_object_get_object_member (days, "units");
  names = json_object_get_members (units);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *key = ledger_due_key (LEDGER_DUE_FOR_UNIT, l->data);

      if (!read_due_day (reader, units, l->data, plan, key))
        return FALSE;
    }
  return TRUE;
}

/* Format 2's members of an indicator; format 1's indicators have the
 * defaults: paced by months, January with February, no commitment, the
 * responsible unit a proposal. */
static gboolean
read_schedule (LedgerJsonReader *reader,
               JsonObject       *object,
               LedgerKind        kind,
               LedgerFrequency   frequency,
               Schedule         *schedule)
{
  if (!read_optional_enum (reader, object, "profile",
                           (gpointer) ledger_profile_from_string, (int *) &schedule->profile) ||
      !read_due_month (reader, object, &schedule->due_month) ||
      !read_optional_enum (reader, object, "january",
                           (gpointer) ledger_january_from_string, (int *) &schedule->january) ||
      !read_optional_enum (reader, object, "commitment",
                           (gpointer) ledger_commitment_from_string, (int *) &schedule->commitment) ||
      !read_boolean (reader, object, "unit_confirmed", &schedule->unit_confirmed))
    return FALSE;
  if (schedule->profile == LEDGER_PROFILE_CUSTOM || json_object_has_member (object, "custom_shares"))
    {
      ledger_json_at (reader, object, "custom_shares");
      if (schedule->profile != LEDGER_PROFILE_CUSTOM)
        return ledger_json_fail (reader, _("only the profile “custom” has “custom_shares”"));
      if (!read_custom_shares (reader, object, &schedule->custom_shares))
        return FALSE;
    }
  return check_schedule (reader, object, kind, frequency, schedule);
}

/* "supporting_units": a list of names, kept in its order, one per line. */
static gboolean
read_units (LedgerJsonReader  *reader,
            JsonObject        *object,
            char             **out)
{
  g_autoptr(GString) units = g_string_new ("");
  JsonArray *array;

  *out = NULL;
  if (!json_object_has_member (object, "supporting_units"))
    return TRUE;
  if ((array = ledger_json_read_array (reader, object, "supporting_units", FALSE)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *name = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return ledger_json_fail (reader, _("“%s” must be a list of names"), "supporting_units");
      name = g_strstrip (g_strdup (json_node_get_string (node)));
      if (name[0] == '\0' || strchr (name, '\n') != NULL)
        return ledger_json_fail (reader, _("“%s” must be a list of names"), "supporting_units");
      g_string_append_printf (units, "%s%s", units->len > 0 ? "\n" : "", name);
    }
  *out = g_string_free (g_steal_pointer (&units), FALSE);
  return TRUE;
}

static gboolean
read_date (LedgerJsonReader  *reader,
           JsonObject        *object,
           const char        *member,
           gboolean           required,
           const char       **out)
{
  if (!ledger_json_read_string (reader, object, member, required, out))
    return FALSE;
  if ((*out)[0] != '\0' && !ledger_date_is_valid (*out))
    return ledger_json_fail (reader, _("“%s” must be a date written YYYY-MM-DD"), member);
  return TRUE;
}

static gpointer
read_milestone (LedgerJsonReader  *reader,
                JsonObject        *object,
                const ReadContext *context,
                const char        *owner_uuid)
{
  const char *uuid, *due, *what, *done_on, *note;
  double share = NAN;
  LedgerMilestone *milestone;

  if (!ledger_json_check_members (reader, object, milestone_members) ||
      !read_uuid (reader, object, context->uuids, &uuid) ||
      !read_date (reader, object, "due", TRUE, &due) ||
      !ledger_json_read_string (reader, object, "what", TRUE, &what) ||
      !read_date (reader, object, "done_on", FALSE, &done_on) ||
      !ledger_json_read_string (reader, object, "note", FALSE, &note) ||
      (json_object_has_member (object, "share") &&
       !ledger_json_read_number (reader, object, "share", &share)))
    return NULL;
  ledger_json_at (reader, object, "share");
  if (!isnan (share) && (share < 0 || share > 100))
    return ledger_json_fail (reader, _("“share” must be between 0 and 100")), NULL;
  milestone = ledger_milestone_new (uuid, owner_uuid, due, what);
  milestone->share = share;
  ledger_milestone_set_done (milestone, done_on, note);
  return milestone;
}

static gpointer
read_sub_item (LedgerJsonReader  *reader,
               JsonObject        *object,
               const ReadContext *context,
               const char        *owner_uuid)
{
  const char *uuid, *title, *status, *note;

  if (!ledger_json_check_members (reader, object, sub_item_members) ||
      !read_uuid (reader, object, context->uuids, &uuid) ||
      !ledger_json_read_string (reader, object, "title", TRUE, &title) ||
      !ledger_json_read_string (reader, object, "status", FALSE, &status) ||
      !ledger_json_read_string (reader, object, "note", FALSE, &note))
    return NULL;
  ledger_json_at (reader, object, "status");
  if (status[0] != '\0' && !ledger_sub_item_status_is_valid (status))
    return ledger_json_fail (reader, _("“%s” is not a valid %s"), status, "status"), NULL;
  return ledger_sub_item_new (uuid, owner_uuid, title, status[0] != '\0' ? status : NULL, note);
}

typedef gpointer (*ReadItemFunc) (LedgerJsonReader *, JsonObject *, const ReadContext *, const char *);

/* Reads the optional list @member of milestones or sub-items into @items. */
static gboolean
read_items (LedgerJsonReader  *reader,
            JsonObject        *object,
            const char        *member,
            const ReadContext *context,
            const char        *owner_uuid,
            ReadItemFunc       read_item,
            GPtrArray         *items)
{
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return TRUE;
  if ((array = ledger_json_read_array (reader, object, member, FALSE)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved = ledger_json_reader_enter (reader, member, i);
      JsonObject *item_object;
      gpointer item;

      ledger_json_at (reader, object, member);
      if ((item_object = ledger_json_array_object (reader, array, i)) == NULL ||
          (item = read_item (reader, item_object, context, owner_uuid)) == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
      ledger_json_reader_leave (reader, saved);
    }
  return TRUE;
}

static LedgerIndicator *
read_indicator (LedgerJsonReader  *reader,
                JsonObject        *object,
                const ReadContext *context)
{
  const char *uuid, *code, *name, *unit, *responsible_unit, *notes, *source_text;
  LedgerKind kind;
  LedgerComparator comparator;
  LedgerBetter better;
  LedgerFrequency frequency;
  double target;
  Schedule schedule = { LEDGER_PROFILE_LINEAR, NULL, 12, LEDGER_JANUARY_COMBINED,
                        LEDGER_COMMITMENT_NONE, FALSE };
  g_autofree char *custom_shares = NULL;
  g_autofree char *supporting_units = NULL;
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);
  g_autoptr(GPtrArray) region_targets = ledger_region_targets_new ();
  LedgerIndicator *indicator;
  gboolean read;

  read = ledger_json_check_members (reader, object, context->format == 1 ? indicator_members_1
                                                    : context->format == 2 ? indicator_members_2
                                                                           : indicator_members_3) &&
         read_uuid (reader, object, context->uuids, &uuid) &&
         ledger_json_read_string (reader, object, "code", TRUE, &code) &&
         ledger_json_read_string (reader, object, "name", TRUE, &name) &&
         read_enum_member (reader, object, "kind", (gpointer) ledger_kind_from_string, (int *) &kind) &&
         read_enum_member (reader, object, "frequency",
                           (gpointer) ledger_frequency_from_string, (int *) &frequency) &&
         read_measure (reader, object, kind, &unit, &comparator, &better, &target) &&
         ledger_json_read_string (reader, object, "responsible_unit", FALSE, &responsible_unit) &&
         ledger_json_read_string (reader, object, "notes", FALSE, &notes) &&
         ledger_json_read_string (reader, object, "source_text", FALSE, &source_text) &&
         read_schedule (reader, object, kind, frequency, &schedule) &&
         read_units (reader, object, &supporting_units) &&
         read_items (reader, object, "milestones", context, uuid, read_milestone, milestones) &&
         ledger_plan_file_read_region_targets (reader, object, context->plan, kind, region_targets);
  custom_shares = schedule.custom_shares;
  if (!read)
    return NULL;

  ledger_json_at (reader, object, "code");
  if (!ledger_indicator_code_is_valid (code))
    return ledger_json_fail (reader, _("the code “%s” may only hold a–z, 0–9 and “-”"), code), NULL;
  if (!g_hash_table_add (context->codes, g_strdup (code)))
    return ledger_json_fail (reader, _("the code “%s” is used twice"), code), NULL;
  if (context->plan != NULL)
    {
      g_autofree char *key = ledger_due_key (LEDGER_DUE_FOR_INDICATOR, code);

      if (!read_due_day (reader, object, "due_day", context->plan, key))
        return NULL;
    }

  indicator = g_object_new (LEDGER_TYPE_INDICATOR,
                       "uuid", uuid, "code", code, "name", name, "unit", unit,
                       "kind", kind, "comparator", comparator, "better", better,
                       "target", target, "frequency", frequency,
                       "responsible-unit", responsible_unit, "notes", notes,
                       "source-text", source_text,
                       "profile", schedule.profile, "custom-shares", custom_shares,
                       "due-month", schedule.due_month, "january", schedule.january,
                       "commitment", schedule.commitment,
                       "unit-confirmed", schedule.unit_confirmed,
                       "supporting-units", supporting_units,
                       NULL);
  g_ptr_array_extend_and_steal (ledger_indicator_get_milestones (indicator), g_steal_pointer (&milestones));
  g_ptr_array_extend_and_steal (ledger_indicator_get_region_targets (indicator),
                                g_steal_pointer (&region_targets));
  return indicator;
}

typedef GObject *(*ReadFunc) (LedgerJsonReader *, JsonObject *, const ReadContext *);

/* Reads each object of @array with @read_child and appends it to @parent,
 * keeping reader->path pointing at the element being read. */
static gboolean
read_children (LedgerJsonReader *reader,
               JsonObject       *object,
               const char       *member,
               LedgerNode       *parent,
               ReadFunc           read_child,
               const ReadContext *context)
{
  JsonArray *array = ledger_json_read_array (reader, object, member, TRUE);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GObject) child = NULL;
      JsonObject *child_object;
      gsize saved = ledger_json_reader_enter (reader, member, i);

      ledger_json_at (reader, object, member);
      if ((child_object = ledger_json_array_object (reader, array, i)) == NULL ||
          (child = read_child (reader, child_object, context)) == NULL)
        return FALSE;
      ledger_node_append_child (parent, child);
      ledger_json_reader_leave (reader, saved);
    }
  return TRUE;
}

static GObject *
read_task (LedgerJsonReader *reader,
           JsonObject       *object,
           const ReadContext *context)
{
  g_autoptr(LedgerNode) task = NULL;
  g_autofree char *supporting_units = NULL;
  const char *uuid, *title, *text, *lead_unit;

  if (!ledger_json_check_members (reader, object, context->format >= 3 ? task_members_3 : task_members) ||
      !read_uuid (reader, object, context->uuids, &uuid) ||
      !ledger_json_read_string (reader, object, "title", TRUE, &title) ||
      !ledger_json_read_string (reader, object, "text", FALSE, &text) ||
      !ledger_json_read_string (reader, object, "lead_unit", FALSE, &lead_unit) ||
      !read_units (reader, object, &supporting_units))
    return NULL;

  task = g_object_new (LEDGER_TYPE_TASK, "uuid", uuid, "title", title, "text", text,
                       "lead-unit", lead_unit, "supporting-units", supporting_units, NULL);
  if (!read_items (reader, object, "milestones", context, uuid, read_milestone,
                   ledger_task_get_milestones (LEDGER_TASK (task))) ||
      !read_items (reader, object, "sub_items", context, uuid, read_sub_item,
                   ledger_task_get_sub_items (LEDGER_TASK (task))) ||
      !read_children (reader, object, "indicators", task, (ReadFunc) read_indicator, context))
    return NULL;
  return G_OBJECT (g_steal_pointer (&task));
}

static GObject *
read_area (LedgerJsonReader *reader,
           JsonObject       *object,
           const ReadContext *context)
{
  g_autoptr(LedgerNode) area = NULL;
  const char *uuid, *title, *short_title;

  if (!ledger_json_check_members (reader, object, area_members) ||
      !read_uuid (reader, object, context->uuids, &uuid) ||
      !ledger_json_read_string (reader, object, "title", TRUE, &title) ||
      !ledger_json_read_string (reader, object, "short_title", FALSE, &short_title))
    return NULL;

  area = g_object_new (LEDGER_TYPE_AREA,
                       "uuid", uuid, "title", title,
                       "short-title", short_title[0] != '\0' ? short_title : title,
                       NULL);
  if (!read_children (reader, object, "tasks", area, read_task, context))
    return NULL;
  return G_OBJECT (g_steal_pointer (&area));
}

static GObject *
read_plan (LedgerJsonReader *reader,
           JsonObject       *object,
           const ReadContext *context)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReadContext plan_context = { context->uuids, codes, context->format, NULL };
  g_autoptr(LedgerNode) plan = NULL;
  const char *uuid, *code, *title, *region, *source;
  int first_year, last_year;

  if (!ledger_json_check_members (reader, object, context->format >= 3 ? plan_members_3 : plan_members) ||
      !read_uuid (reader, object, context->uuids, &uuid) ||
      !ledger_json_read_string (reader, object, "code", TRUE, &code) ||
      !ledger_json_read_string (reader, object, "title", TRUE, &title) ||
      !ledger_json_read_string (reader, object, "region", FALSE, &region) ||
      !ledger_json_read_string (reader, object, "source", FALSE, &source) ||
      !read_year (reader, object, "first_year", &first_year) ||
      !read_year (reader, object, "last_year", &last_year))
    return NULL;

  ledger_json_at (reader, object, "code");
  if (!ledger_indicator_code_is_valid (code))
    return ledger_json_fail (reader, _("the code “%s” may only hold a–z, 0–9 and “-”"), code), NULL;
  if (!g_hash_table_add (context->codes, g_strdup (code)))
    return ledger_json_fail (reader, _("the code “%s” is used twice"), code), NULL;
  ledger_json_at (reader, object, "last_year");
  if (last_year < first_year)
    return ledger_json_fail (reader, _("“last_year” is before “first_year”")), NULL;

  plan = g_object_new (LEDGER_TYPE_PLAN,
                       "uuid", uuid, "code", code, "title", title, "region", region,
                       "source", source, "first-year", first_year, "last-year", last_year,
                       NULL);
  plan_context.plan = LEDGER_PLAN (plan);
  if (!read_plan_due_days (reader, object, LEDGER_PLAN (plan)) ||
      !ledger_plan_file_read_regions (reader, object, LEDGER_PLAN (plan)) ||
      !read_children (reader, object, "areas", plan, read_area, &plan_context))
    return NULL;
  return G_OBJECT (g_steal_pointer (&plan));
}

static GPtrArray *
read_document (LedgerJsonReader *reader,
               JsonNode         *root)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReadContext context = { uuids, codes, LEDGER_PLAN_FILE_FORMAT };
  g_autoptr(LedgerNode) holder = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  static const char *document_members[] = { "format", "plans", NULL };
  JsonObject *object;
  double format;
  GListModel *children;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return ledger_json_fail (reader, _("a plan file is a JSON object with “format” and “plans”")), NULL;
  object = json_node_get_object (root);
  if (!ledger_json_check_members (reader, object, document_members) ||
      !ledger_json_read_number (reader, object, "format", &format))
    return NULL;
  /* Formats 1 and 2 are read too: what they lack gets its default. */
  if (format != 1 && format != 2 && format != LEDGER_PLAN_FILE_FORMAT)
    return ledger_json_fail (reader, _("format %g is not supported; this version reads formats 1 to %d"),
                 format, LEDGER_PLAN_FILE_FORMAT), NULL;
  context.format = (int) format;

  /* Plans are read into a throwaway node so that read_children can be used
   * at every level. */
  holder = g_object_new (LEDGER_TYPE_NODE, NULL);
  if (!read_children (reader, object, "plans", holder, read_plan, &context))
    return NULL;

  children = ledger_node_get_children (holder);
  plans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    g_ptr_array_add (plans, g_list_model_get_item (children, i));
  return g_steal_pointer (&plans);
}

/**
 * ledger_plan_file_parse:
 *
 * Returns: (transfer full): the plans of the file, as #LedgerPlan trees
 * without database ids, or %NULL with @error set
 */
GPtrArray *
ledger_plan_file_parse (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  LedgerJsonReader reader;
  JsonNode *root;
  GPtrArray *plans = NULL;

  ledger_json_reader_init (&reader, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID, error);
  root = ledger_json_reader_load (&reader, data, length, LEDGER_JSON_MAX_PLAN_FILE, &local_error);
  if (local_error == NULL)
    plans = read_document (&reader, root);
  else
    g_set_error (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_SYNTAX,
                 _("Not a valid plan file: %s"), local_error->message);
  ledger_json_reader_clear (&reader);
  return plans;
}

GPtrArray *
ledger_plan_file_load (GFile   *file,
                       GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!ledger_json_load_file (file, LEDGER_JSON_MAX_PLAN_FILE, &data, &length, error))
    return NULL;
  return ledger_plan_file_parse (data, length, error);
}

/* Loads one of the plan files compiled into the program, by file name. */
GPtrArray *
ledger_plan_file_load_builtin (const char  *name,
                               GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/plans/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (ledger_model_resources_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return ledger_plan_file_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/* {"3": 30, "6": 60} of the text "3:30,6:60". */
static void
write_custom_shares (JsonBuilder     *builder,
                     LedgerIndicator *indicator)
{
  int months[LEDGER_CUSTOM_SHARES_MAX];
  double shares[LEDGER_CUSTOM_SHARES_MAX];
  guint n;

  if (!ledger_custom_shares_parse (ledger_indicator_get_custom_shares (indicator), months, shares,
                                   &n, NULL) || n == 0)
    return;
  json_builder_set_member_name (builder, "custom_shares");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *month = g_strdup_printf ("%d", months[i]);

      ledger_json_add_number (builder, month, shares[i]);
    }
  json_builder_end_object (builder);
}

/* Format 2's members, each left out where it is the default. */
static void
write_schedule (JsonBuilder     *builder,
                LedgerIndicator *indicator)
{
  LedgerProfile profile = ledger_indicator_get_profile (indicator);
  LedgerCommitment commitment = ledger_indicator_get_commitment (indicator);

  if (profile != LEDGER_PROFILE_LINEAR)
    ledger_json_add_string (builder, "profile", ledger_profile_to_string (profile));
  if (profile == LEDGER_PROFILE_CUSTOM)
    write_custom_shares (builder, indicator);
  if (profile == LEDGER_PROFILE_MILESTONE)
    ledger_json_add_number (builder, "due_month", ledger_indicator_get_due_month (indicator));
  if (ledger_indicator_get_january (indicator) == LEDGER_JANUARY_SEPARATE)
    ledger_json_add_string (builder, "january", "separate");
  if (commitment != LEDGER_COMMITMENT_NONE)
    ledger_json_add_string (builder, "commitment", ledger_commitment_to_string (commitment));
  if (ledger_indicator_get_unit_confirmed (indicator))
    {
      json_builder_set_member_name (builder, "unit_confirmed");
      json_builder_add_boolean_value (builder, TRUE);
    }
}

/* Format 3's members, each left out where it is empty. */
static void
write_units (JsonBuilder *builder,
             const char  *supporting_units)
{
  g_auto(GStrv) units = g_strsplit (supporting_units != NULL ? supporting_units : "", "\n", -1);

  if (units[0] == NULL || units[0][0] == '\0')
    return;
  json_builder_set_member_name (builder, "supporting_units");
  json_builder_begin_array (builder);
  for (guint i = 0; units[i] != NULL; i++)
    json_builder_add_string_value (builder, units[i]);
  json_builder_end_array (builder);
}

static void
write_milestone (JsonBuilder           *builder,
                 const LedgerMilestone *milestone)
{
  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "uuid", milestone->uuid);
  ledger_json_add_string (builder, "due", milestone->due);
  ledger_json_add_string (builder, "what", milestone->what);
  if (!isnan (milestone->share))
    ledger_json_add_number (builder, "share", milestone->share);
  ledger_json_add_string (builder, "done_on", milestone->done_on);
  ledger_json_add_string (builder, "note", milestone->note);
  json_builder_end_object (builder);
}

static void
write_sub_item (JsonBuilder         *builder,
                const LedgerSubItem *item)
{
  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "uuid", item->uuid);
  ledger_json_add_string (builder, "title", item->title);
  ledger_json_add_string (builder, "status", item->status);
  ledger_json_add_string (builder, "note", item->note);
  json_builder_end_object (builder);
}

static void
write_items (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *items,
             void       (*write_item) (JsonBuilder *, gconstpointer))
{
  if (items->len == 0)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    write_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
}

static void
write_indicator (JsonBuilder     *builder,
                 LedgerIndicator *indicator,
                 LedgerPlan      *plan)
{
  g_autofree char *due_key = ledger_due_key (LEDGER_DUE_FOR_INDICATOR, ledger_indicator_get_code (indicator));
  int due_day = plan != NULL ? ledger_plan_get_due_day (plan, due_key) : 0;

  LedgerKind kind = ledger_indicator_get_kind (indicator);

  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "uuid", ledger_indicator_get_uuid (indicator));
  ledger_json_add_string (builder, "code", ledger_indicator_get_code (indicator));
  ledger_json_add_string (builder, "name", ledger_indicator_get_name (indicator));
  ledger_json_add_string (builder, "kind", ledger_kind_to_string (kind));
  if (kind != LEDGER_KIND_QUALITATIVE)
    {
      ledger_json_add_string (builder, "unit", ledger_indicator_get_unit (indicator));
      ledger_json_add_string (builder, "comparator",
                  ledger_comparator_to_string (ledger_indicator_get_comparator (indicator)));
      ledger_json_add_string (builder, "better", ledger_better_to_string (ledger_indicator_get_better (indicator)));
      ledger_json_add_number (builder, "target", ledger_indicator_get_target (indicator));
    }
  ledger_json_add_string (builder, "frequency",
              ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)));
  ledger_json_add_string (builder, "responsible_unit", ledger_indicator_get_responsible_unit (indicator));
  ledger_json_add_string (builder, "notes", ledger_indicator_get_notes (indicator));
  ledger_json_add_string (builder, "source_text", ledger_indicator_get_source_text (indicator));
  write_schedule (builder, indicator);
  write_units (builder, ledger_indicator_get_supporting_units (indicator));
  write_items (builder, "milestones", ledger_indicator_get_milestones (indicator), (gpointer) write_milestone);
  if (due_day != 0)
    ledger_json_add_number (builder, "due_day", due_day);
  /* A plan file's split; the change log's copy of an indicator (without
   * its plan) is its definition, the split kept apart. */
  if (plan != NULL)
    ledger_plan_file_write_region_targets (builder, indicator);
  json_builder_end_object (builder);
}

/* Adds, to the open object, the due days of @keys set for @wanted;
 * returns how many. */
static guint
add_due_days (JsonBuilder    *builder,
              LedgerPlan     *plan,
              GPtrArray      *keys,
              LedgerDueScope  wanted)
{
  guint n = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i), *name;
      LedgerDueScope scope;

      if (!ledger_due_key_split (key, &scope, &name) || scope != wanted)
        continue;
      if (builder != NULL)
        ledger_json_add_number (builder, name, ledger_plan_get_due_day (plan, key));
      n++;
    }
  return n;
}

/* The plan's "due_days", when it sets any for a frequency or a unit. */
static void
write_plan_due_days (JsonBuilder *builder,
                     LedgerPlan  *plan)
{
  g_autoptr(GPtrArray) keys = ledger_plan_list_due_keys (plan);
  guint n_units = add_due_days (NULL, plan, keys, LEDGER_DUE_FOR_UNIT);

  if (n_units == 0 && add_due_days (NULL, plan, keys, LEDGER_DUE_FOR_FREQUENCY) == 0)
    return;
  json_builder_set_member_name (builder, "due_days");
  json_builder_begin_object (builder);
  add_due_days (builder, plan, keys, LEDGER_DUE_FOR_FREQUENCY);
  if (n_units > 0)
    {
      json_builder_set_member_name (builder, "units");
      json_builder_begin_object (builder);
      add_due_days (builder, plan, keys, LEDGER_DUE_FOR_UNIT);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void write_node (JsonBuilder *builder, LedgerNode *node, LedgerPlan *plan);

static void
write_children (JsonBuilder *builder,
                const char  *member,
                LedgerNode  *node,
                LedgerPlan  *plan)
{
  GListModel *children = ledger_node_get_children (node);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      if (LEDGER_IS_INDICATOR (child))
        write_indicator (builder, LEDGER_INDICATOR (child), plan);
      else
        write_node (builder, LEDGER_NODE (child), plan);
    }
  json_builder_end_array (builder);
}

static void
write_node (JsonBuilder *builder,
            LedgerNode  *node,
            LedgerPlan  *plan)
{
  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "uuid", ledger_node_get_uuid (node));
  if (LEDGER_IS_PLAN (node))
    ledger_json_add_string (builder, "code", ledger_plan_get_code (LEDGER_PLAN (node)));
  ledger_json_add_string (builder, "title", ledger_node_get_title (node));

  if (LEDGER_IS_PLAN (node))
    {
      LedgerPlan *plan = LEDGER_PLAN (node);

      ledger_json_add_string (builder, "region", ledger_plan_get_region (plan));
      ledger_json_add_number (builder, "first_year", ledger_plan_get_first_year (plan));
      ledger_json_add_number (builder, "last_year", ledger_plan_get_last_year (plan));
      ledger_json_add_string (builder, "source", ledger_plan_get_source (plan));
      write_plan_due_days (builder, plan);
      ledger_plan_file_write_regions (builder, plan);
      write_children (builder, "areas", node, plan);
    }
  else if (LEDGER_IS_AREA (node))
    {
      ledger_json_add_string (builder, "short_title", ledger_area_get_short_title (LEDGER_AREA (node)));
      write_children (builder, "tasks", node, plan);
    }
  else
    {
      LedgerTask *task = LEDGER_TASK (node);

      ledger_json_add_string (builder, "text", ledger_task_get_text (task));
      ledger_json_add_string (builder, "lead_unit", ledger_task_get_lead_unit (task));
      write_units (builder, ledger_task_get_supporting_units (task));
      write_items (builder, "milestones", ledger_task_get_milestones (task), (gpointer) write_milestone);
      write_items (builder, "sub_items", ledger_task_get_sub_items (task), (gpointer) write_sub_item);
      write_children (builder, "indicators", node, plan);
    }
  json_builder_end_object (builder);
}

/* Returns: (transfer full): @plans as a plan file, pretty-printed */
char *
ledger_plan_file_to_data (GPtrArray *plans)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  ledger_json_add_number (builder, "format", LEDGER_PLAN_FILE_FORMAT);
  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plans->len; i++)
    write_node (builder, g_ptr_array_index (plans, i), g_ptr_array_index (plans, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return ledger_json_to_data (root);
}

/* Returns: (transfer full): one indicator as the JSON object a plan file
 * holds, on one line (for the change log) */
char *
ledger_plan_file_indicator_to_json (LedgerIndicator *indicator)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  write_indicator (builder, indicator, NULL);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
item_to_json (gconstpointer item,
              void        (*write_item) (JsonBuilder *, gconstpointer))
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  write_item (builder, item);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Returns: (transfer full): a milestone as a plan file holds it, on one
 * line (for the change log) */
char *
ledger_plan_file_milestone_to_json (const LedgerMilestone *milestone)
{
  return item_to_json (milestone, (gpointer) write_milestone);
}

/* Returns: (transfer full): a sub-item as a plan file holds it, on one line */
char *
ledger_plan_file_sub_item_to_json (const LedgerSubItem *item)
{
  return item_to_json (item, (gpointer) write_sub_item);
}
