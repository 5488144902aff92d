/* ledger-reminders.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-reminder.h"
#include "ledger-reminders.h"
#include "ledger-store-cycle.h"

/* The daily reminder (docs/monthly-cycle.md): on start and once an hour
 * while open, the application asks; at most once a day, when figures of
 * the month just ended or the one before — monthly, quarterly and
 * annual — are overdue or due within three days, a desktop notification
 * names the units. Clicking it opens Completeness and Timeliness of the
 * earliest month it reminds of (app.show-cycle, the month its target).
 * Older figures still missing are the overview's and Completeness's to
 * show. GNotification goes through the portal in the Flatpak. */

/* How many months back a reminder looks: the one just ended, whose figures
 * fall due this month, and the one before, whose are overdue if missing. */
#define MONTHS_REMINDED 2

/* Moves the figures of @from to the end of @to. */
static void
move_figures (GPtrArray *from,
              GPtrArray *to)
{
  while (from->len > 0)
    g_ptr_array_add (to, g_ptr_array_steal_index (from, 0));
}

static void
add_figures_of (LedgerStore *store,
                LedgerPlan  *plan,
                const char  *period,
                gboolean     skip_weekends,
                GPtrArray   *all)
{
  g_autoptr(GPtrArray) figures = NULL;
  LedgerPeriod parsed;

  if (!ledger_period_parse (period, &parsed) || !ledger_plan_covers_year (plan, parsed.year) ||
      (figures = ledger_store_list_due_figures (store, plan, period, skip_weekends, NULL)) == NULL)
    return;
  move_figures (figures, all);
}

/* The figures due for @period across @plans, moved into @all.
 * Returns: whether any of them is reminded of @today */
static gboolean
add_month (LedgerStore *store,
           GPtrArray   *plans,
           const char  *period,
           gboolean     skip_weekends,
           const GDate *today,
           GPtrArray   *all)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_due_figure_free);
  g_autofree char *text = NULL;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    add_figures_of (store, g_ptr_array_index (plans, i), period, skip_weekends, figures);
  text = ledger_reminder_compose (figures, today);
  move_figures (figures, all);
  return text != NULL;
}

/**
 * ledger_reminders_compose:
 * @month: (out) (optional) (nullable): the earliest month reminded of,
 *   "2026-03"
 *
 * What to remind of @today across the plans: the figures of the month
 * just ended and of the one before.
 *
 * Returns: (nullable): the reminder's text
 */
char *
ledger_reminders_compose (LedgerStore  *store,
                          gboolean      skip_weekends,
                          const GDate  *today,
                          char        **month)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, NULL);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_due_figure_free);
  int months = g_date_get_year (today) * 12 + g_date_get_month (today) - 1;
  g_autofree char *first = NULL;
  char *text;

  for (int m = months - MONTHS_REMINDED; m < months; m++)
    {
      g_autofree char *period = g_strdup_printf ("%04d-%02d", m / 12, m % 12 + 1);

      if (add_month (store, plans, period, skip_weekends, today, figures) && first == NULL)
        first = g_steal_pointer (&period);
    }
  text = ledger_reminder_compose (figures, today);
  if (month != NULL)
    *month = text != NULL ? g_steal_pointer (&first) : NULL;
  return text;
}

static gboolean
has_owner (GDBusConnection *bus,
           const char      *name)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                                           G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* Whether a notification reaches anyone: in the Flatpak the portal takes
 * it; elsewhere the desktop's notification service, if there is one (a
 * test's private bus has none). */
static gboolean
can_notify (GApplication *application)
{
  GDBusConnection *bus;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_application_get_is_registered (application) ||
      (bus = g_application_get_dbus_connection (application)) == NULL)
    return FALSE;
  return has_owner (bus, "org.gtk.Notifications") || has_owner (bus, "org.freedesktop.Notifications");
}

static void
send (GApplication *application,
      const char   *text,
      const char   *month)
{
  g_autoptr(GNotification) notification = NULL;

  if (!can_notify (application))
    return;
  notification = g_notification_new (_("Figures Due"));
  g_notification_set_body (notification, text);
  g_notification_set_default_action_and_target (notification, "app.show-cycle", "s", month);
  g_application_send_notification (application, "figures-due", notification);
}

/**
 * ledger_reminders_check:
 * @settings: (nullable): without the installed settings, nothing is sent
 * @now: the time, a fake one in the tests
 *
 * Sends today's reminder if reminders are on, none was sent today, and
 * there is something to remind of.
 *
 * Returns: whether one was sent
 */
gboolean
ledger_reminders_check (GApplication *application,
                        LedgerStore  *store,
                        GSettings    *settings,
                        GDateTime    *now)
{
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  GDate today;

  if (settings == NULL || !g_settings_get_boolean (settings, "reminders"))
    return FALSE;
  last = g_settings_get_string (settings, "last-reminder");
  ledger_date_set_day_of (&today, now);
  if (!ledger_reminder_is_due (last, &today))
    return FALSE;
  text = ledger_reminders_compose (store, g_settings_get_boolean (settings, "due-skip-weekends"), &today, &month);
  if (text == NULL)
    return FALSE;
  send (application, text, month);
  day = ledger_date_to_string (&today);
  g_settings_set_string (settings, "last-reminder", day);
  return TRUE;
}
