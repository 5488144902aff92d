/* ledger-server-fields.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-server-fields"

#include "config.h"

#include "ledger-server-fields.h"

/* The office server's host, port, database, user and password, as both
 * Connect to Office Server… and Copy Ledger… ask for them: a group of
 * entry rows that reads them into a LedgerServerLogin, marks a port that
 * is no port, and holds still while its window works with them. Rows
 * the window adds in its .ui (Remember Password) come after these. */
struct _LedgerServerFields
{
  AdwPreferencesGroup parent_instance;

  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *dbname_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
};

G_DEFINE_FINAL_TYPE (LedgerServerFields, ledger_server_fields, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DATABASE_TITLE,
  PROP_NESTED,
  N_PROPS
};

enum {
  CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Spaces around a name are a slip of the keyboard, never part of it. */
static char *
entered_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static guint
entered_port (LedgerServerFields *self)
{
  return ledger_server_login_parse_port (gtk_editable_get_text (GTK_EDITABLE (self->port_row)));
}

static void
row_changed_cb (LedgerServerFields *self)
{
  if (entered_port (self) > 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->port_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->port_row), "error");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
row_activated_cb (LedgerServerFields *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
ledger_server_fields_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LedgerServerFields *self = LEDGER_SERVER_FIELDS (object);

  switch (prop_id)
    {
    case PROP_DATABASE_TITLE:
      g_value_set_string (value, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->dbname_row)));
      break;
    case PROP_NESTED:
      g_value_set_boolean (value, gtk_widget_has_css_class (GTK_WIDGET (self), "in-expander"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_server_fields_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LedgerServerFields *self = LEDGER_SERVER_FIELDS (object);

  switch (prop_id)
    {
    case PROP_DATABASE_TITLE:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dbname_row), g_value_get_string (value));
      break;
    case PROP_NESTED:
      ledger_server_fields_set_nested (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_server_fields_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEDGER_TYPE_SERVER_FIELDS);

  G_OBJECT_CLASS (ledger_server_fields_parent_class)->dispose (object);
}

static void
ledger_server_fields_class_init (LedgerServerFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ledger_server_fields_get_property;
  object_class->set_property = ledger_server_fields_set_property;
  object_class->dispose = ledger_server_fields_dispose;

  /* Copy Ledger… asks for an empty database, not the ledger's. */
  properties[PROP_DATABASE_TITLE] =
    g_param_spec_string ("database-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NESTED] =
    g_param_spec_boolean ("nested", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Host, port, database or user changed: the password does not make a
   * login complete or not. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Enter in any of the rows. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-server-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerServerFields, host_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerFields, port_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerFields, dbname_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerFields, user_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerFields, password_row);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ledger_server_fields_init (LedgerServerFields *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ledger_server_fields_dup_login:
 *
 * Returns: (transfer full): the login as entered, without its password;
 *   a port that is no port is 0
 */
LedgerServerLogin *
ledger_server_fields_dup_login (LedgerServerFields *self)
{
  g_autofree char *host = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;

  g_return_val_if_fail (LEDGER_IS_SERVER_FIELDS (self), NULL);

  host = entered_text (self->host_row);
  dbname = entered_text (self->dbname_row);
  user = entered_text (self->user_row);
  return ledger_server_login_new (host, entered_port (self), dbname, user);
}

/* The password as typed: spaces may well be part of it. */
const char *
ledger_server_fields_get_password (LedgerServerFields *self)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_FIELDS (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

void
ledger_server_fields_set_password (LedgerServerFields *self,
                                   const char         *password)
{
  g_return_if_fail (LEDGER_IS_SERVER_FIELDS (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
}

/* Enough to try: a port, and a database to connect to. */
gboolean
ledger_server_fields_is_complete (LedgerServerFields *self)
{
  g_autofree char *dbname = NULL;

  g_return_val_if_fail (LEDGER_IS_SERVER_FIELDS (self), FALSE);

  dbname = entered_text (self->dbname_row);
  return entered_port (self) > 0 && dbname[0] != '\0';
}

/**
 * ledger_server_fields_set_busy:
 *
 * While the window works with what was entered, nothing is changed. The
 * rows are made read-only, not insensitive: GTK 4.8 loses track of a
 * focused text that turns insensitive.
 */
void
ledger_server_fields_set_busy (LedgerServerFields *self,
                               gboolean            busy)
{
  AdwEntryRow *rows[] = { self->host_row, self->port_row, self->dbname_row, self->user_row, self->password_row };

  g_return_if_fail (LEDGER_IS_SERVER_FIELDS (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_editable (GTK_EDITABLE (rows[i]), !busy);
}

static gboolean
fill (LedgerServerFields *self,
      const char         *location,
      gboolean            with_database)
{
  g_autoptr(LedgerServerLogin) login = location != NULL ? ledger_server_login_new_from_location (location) : NULL;
  g_autofree char *port = NULL;

  if (login == NULL)
    return FALSE;
  port = g_strdup_printf ("%u", ledger_server_login_get_port (login) > 0 ? ledger_server_login_get_port (login)
                                                                         : LEDGER_SERVER_DEFAULT_PORT);
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), ledger_server_login_get_host (login));
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  if (with_database)
    gtk_editable_set_text (GTK_EDITABLE (self->dbname_row), ledger_server_login_get_dbname (login));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), ledger_server_login_get_user (login));
  return TRUE;
}

/**
 * ledger_server_fields_fill_from_location:
 * @location: (nullable): a server's location, without its password
 *
 * Fills host, port, database and user from @location; the password is
 * left as it is.
 *
 * Returns: whether @location is a server's
 */
gboolean
ledger_server_fields_fill_from_location (LedgerServerFields *self,
                                         const char         *location)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_FIELDS (self), FALSE);
  return fill (self, location, TRUE);
}

/**
 * ledger_server_fields_fill_server_from_location:
 * @location: (nullable): a server's location, without its password
 *
 * Fills host, port and user from @location, not its database: the
 * server the office uses, for another database on it.
 *
 * Returns: whether @location is a server's
 */
gboolean
ledger_server_fields_fill_server_from_location (LedgerServerFields *self,
                                                const char         *location)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_FIELDS (self), FALSE);
  return fill (self, location, FALSE);
}

/**
 * ledger_server_fields_focus_first_empty:
 *
 * Puts the cursor where the typing starts: the first row still empty.
 *
 * Returns: whether a row was empty
 */
gboolean
ledger_server_fields_focus_first_empty (LedgerServerFields *self)
{
  AdwEntryRow *rows[] = { self->host_row, self->port_row, self->dbname_row, self->user_row, self->password_row };

  g_return_val_if_fail (LEDGER_IS_SERVER_FIELDS (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (gtk_editable_get_text (GTK_EDITABLE (rows[i]))[0] == '\0')
      return gtk_widget_grab_focus (GTK_WIDGET (rows[i]));
  return FALSE;
}

/**
 * ledger_server_fields_set_nested:
 * @nested: whether the rows sit inside an expander row
 *
 * Inside an AdwExpanderRow (Copy Ledger…), the rows are drawn as the
 * expander's own, not as a card of their own (style.css).
 */
void
ledger_server_fields_set_nested (LedgerServerFields *self,
                                 gboolean            nested)
{
  GtkWidget *list;

  g_return_if_fail (LEDGER_IS_SERVER_FIELDS (self));

  /* The group's list is libadwaita's: reached through a row of ours. */
  list = gtk_widget_get_parent (GTK_WIDGET (self->host_row));
  if (nested == gtk_widget_has_css_class (GTK_WIDGET (self), "in-expander"))
    return;
  if (nested)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "in-expander");
      gtk_widget_remove_css_class (list, "boxed-list");
      gtk_widget_add_css_class (list, "nested");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "in-expander");
      gtk_widget_remove_css_class (list, "nested");
      gtk_widget_add_css_class (list, "boxed-list");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NESTED]);
}
