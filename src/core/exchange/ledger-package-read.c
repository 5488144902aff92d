/* ledger-package-read.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-json.h"
#include "ledger-package-private.h"
#include "ledger-attachment.h"
#include "ledger-status.h"

/* Reads a data package (docs/package-format.md). Every member is checked
 * before the package is handed out, and an error names the line and the
 * place ("line 14, values[2]: “value” must be a number"). */

static const char *document_members[] = { "format", "version", "unit", "from", "to", "exported_at",
                                          "exported_by", "plans", "values", "attachments", NULL };
static const char *attachment_members[] = { "indicator", "code", "period", "name", "media_type", "sha256",
                                            "size", "content", NULL };
static const char *plan_members[] = { "uuid", "code", "title", NULL };
static const char *value_members[] = { "indicator", "code", "name", "period", "value", "status",
                                       "note", "source", "updated_at", "updated_by", NULL };
/* Version 3 adds the regions (docs/regions.md): a value's region, and the
 * region a plan is a copy for. */
static const char *plan_members_3[] = { "uuid", "code", "title", "for_region", NULL };
static const char *value_members_3[] = { "indicator", "code", "name", "period", "value", "status",
                                         "note", "source", "updated_at", "updated_by", "region", NULL };

/* A file that is not a package of this version gets its own error code, so
 * that a dialog can say so rather than point at a member. */
static gboolean
fail_format (LedgerJsonReader *reader,
             const char       *message)
{
  reader->code = LEDGER_PACKAGE_ERROR_FORMAT;
  ledger_json_fail (reader, "%s", message);
  reader->code = LEDGER_PACKAGE_ERROR_INVALID;
  return FALSE;
}

static gboolean
read_format (LedgerJsonReader *reader,
             JsonObject       *object,
             int              *out_version)
{
  JsonNode *format = json_object_get_member (object, "format");
  g_autofree char *message = NULL;
  double version;

  ledger_json_at (reader, object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (format), LEDGER_PACKAGE_FORMAT))
    {
      message = g_strdup_printf (_("this is not a data package of Target Ledger (its “format” is "
                                   "not “%s”)"), LEDGER_PACKAGE_FORMAT);
      return fail_format (reader, message);
    }
  if (!ledger_json_read_number (reader, object, "version", &version))
    return FALSE;
  if (version != 1 && version != 2 && version != LEDGER_PACKAGE_VERSION)
    {
      message = g_strdup_printf (_("version %g of the data package is not supported; this version "
                                   "of Target Ledger reads versions 1 to %d"),
                                 version, LEDGER_PACKAGE_VERSION);
      return fail_format (reader, message);
    }
  /* Files came with version 2. */
  if (version == 1 && json_object_has_member (object, "attachments"))
    {
      ledger_json_at (reader, object, "attachments");
      return ledger_json_fail (reader, "%s", _("“attachments” needs version 2 of the data package"));
    }
  *out_version = (int) version;
  return TRUE;
}

static gboolean
read_period (LedgerJsonReader  *reader,
             JsonObject        *object,
             const char        *member,
             const char       **code,
             LedgerPeriod      *period)
{
  if (!ledger_json_read_string (reader, object, member, TRUE, code))
    return FALSE;
  if (!ledger_period_parse (*code, period))
    return ledger_json_fail (reader, _("“%s” is not a period (write 2026-05, 2026-Q2 or 2026)"), *code);
  return TRUE;
}

/* What reading a package needs besides the JSON reader: the package being
 * filled, its range of periods, and the values seen so far. */
typedef struct
{
  LedgerJsonReader  json;
  LedgerPackage    *package;
  LedgerPeriod      from;
  LedgerPeriod      to;
  GHashTable       *seen;  /* "uuid/region/period" */
  int               version;
} Reader;

/* A region's code, as a package names it: "" or one that may be a code
 * (ledger_region_code_is_valid()). Whether the ledger has the region is
 * the merge's to say. */
static gboolean
read_region_code (LedgerJsonReader  *reader,
                  JsonObject        *object,
                  const char        *member,
                  const char       **code)
{
  if (!ledger_json_read_string (reader, object, member, FALSE, code))
    return FALSE;
  if ((*code)[0] != '\0' && !ledger_region_code_is_valid (*code))
    return ledger_json_fail (reader, _("“%s” is not a region’s code"), *code);
  return TRUE;
}

static gboolean
read_plan (Reader     *reader,
           JsonObject *object)
{
  const char *uuid, *code, *title, *for_region;

  if (!ledger_json_check_members (&reader->json, object, reader->version >= 3 ? plan_members_3 : plan_members) ||
      !ledger_json_read_uuid (&reader->json, object, "uuid", &uuid) ||
      !ledger_json_read_string (&reader->json, object, "code", FALSE, &code) ||
      !ledger_json_read_string (&reader->json, object, "title", FALSE, &title) ||
      !read_region_code (&reader->json, object, "for_region", &for_region))
    return FALSE;
  ledger_package_add_plan (reader->package, uuid, code, title, for_region);
  return TRUE;
}

/* The figure of a value: a number, or for a qualitative task a status. */
static LedgerValue *
read_figure (LedgerJsonReader *reader,
             JsonObject       *object,
             const char       *period,
             const char       *note,
             const char       *source)
{
  gboolean has_value = json_object_has_member (object, "value");
  gboolean has_status = json_object_has_member (object, "status");
  const char *status;
  double number;

  ledger_json_at (reader, object, has_value ? "value" : "status");
  if (has_value == has_status)
    {
      ledger_json_fail (reader, "%s", has_value ? _("a value has a “value” or a “status”, not both")
                                                : _("“value” (or “status”, for a qualitative task) is missing"));
      return NULL;
    }
  if (has_value)
    {
      if (!ledger_json_read_number (reader, object, "value", &number))
        return NULL;
      return ledger_value_new (0, period, number, note, source);
    }
  if (!ledger_json_read_string (reader, object, "status", TRUE, &status))
    return NULL;
  if (!g_strv_contains (ledger_status_qualitative_codes (), status))
    {
      ledger_json_fail (reader, _("“%s” is not a status (write not_started, in_progress, done or "
                                  "behind)"), status);
      return NULL;
    }
  return ledger_value_new_status (0, period, status, note, source);
}

static gboolean
read_entry (Reader     *reader,
            JsonObject *object)
{
  LedgerJsonReader *json = &reader->json;
  LedgerPackage *package = reader->package;
  const char *indicator, *code, *name, *period_code, *note, *source, *updated_at, *updated_by, *region;
  g_autoptr(LedgerValue) value = NULL;
  g_autofree char *uuid = NULL;
  LedgerPackageEntry *entry;
  LedgerPeriod period;

  if (!ledger_json_check_members (json, object, reader->version >= 3 ? value_members_3 : value_members) ||
      !ledger_json_read_uuid (json, object, "indicator", &indicator) ||
      !ledger_json_read_string (json, object, "code", FALSE, &code) ||
      !ledger_json_read_string (json, object, "name", FALSE, &name) ||
      !read_period (json, object, "period", &period_code, &period) ||
      !ledger_json_read_string (json, object, "note", FALSE, &note) ||
      !ledger_json_read_string (json, object, "source", FALSE, &source) ||
      !ledger_json_read_string (json, object, "updated_at", FALSE, &updated_at) ||
      !ledger_json_read_string (json, object, "updated_by", FALSE, &updated_by) ||
      !read_region_code (json, object, "region", &region))
    return FALSE;

  ledger_json_at (json, object, "period");
  if (!ledger_period_in_range (&period, &reader->from, &reader->to))
    return ledger_json_fail (json, _("the period %s is outside the package’s range, %s to %s"),
                             period_code, package->from, package->to);
  uuid = g_ascii_strdown (indicator, -1);
  if (!g_hash_table_add (reader->seen, g_strdup_printf ("%s/%s/%s", uuid, region, period_code)))
    return ledger_json_fail (json, _("a second value of %s for %s"),
                             code[0] != '\0' ? code : indicator, period_code);

  if ((value = read_figure (json, object, period_code, note, source)) == NULL)
    return FALSE;
  ledger_value_set_updated (value, updated_at, updated_by);
  ledger_value_set_region (value, region);

  entry = g_new0 (LedgerPackageEntry, 1);
  entry->indicator = g_steal_pointer (&uuid);
  entry->code = g_strdup (code);
  entry->name = g_strdup (name);
  entry->value = g_steal_pointer (&value);
  g_ptr_array_add (package->entries, entry);
  return TRUE;
}

/* A file of the package: its content in Base64, which must be as long as
 * its "size" says and have its "sha256". */
static gboolean
read_attachment (Reader     *reader,
                 JsonObject *object)
{
  LedgerJsonReader *json = &reader->json;
  const char *indicator, *code, *period_code, *name, *media_type, *sha256, *content;
  g_autofree guchar *data = NULL;
  g_autofree char *actual = NULL;
  LedgerPackageAttachment *attachment;
  LedgerPeriod period;
  double size;
  gsize length = 0;

  if (!ledger_json_check_members (json, object, attachment_members) ||
      !ledger_json_read_uuid (json, object, "indicator", &indicator) ||
      !ledger_json_read_string (json, object, "code", FALSE, &code) ||
      !read_period (json, object, "period", &period_code, &period) ||
      !ledger_json_read_string (json, object, "name", TRUE, &name) ||
      !ledger_json_read_string (json, object, "media_type", FALSE, &media_type) ||
      !ledger_json_read_string (json, object, "sha256", TRUE, &sha256) ||
      !ledger_json_read_number (json, object, "size", &size) ||
      !ledger_json_read_string (json, object, "content", FALSE, &content))
    return FALSE;
  ledger_json_at (json, object, "period");
  if (!ledger_period_in_range (&period, &reader->from, &reader->to))
    return ledger_json_fail (json, _("the period %s is outside the package’s range, %s to %s"),
                             period_code, reader->package->from, reader->package->to);
  ledger_json_at (json, object, "sha256");
  if (!ledger_attachment_is_sha256 (sha256))
    return ledger_json_fail (json, _("“%s” is not a SHA-256 (64 hexadecimal digits in lower case)"), sha256);
  ledger_json_at (json, object, "content");
  if (content[0] != '\0')
    data = g_base64_decode (content, &length);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data != NULL ? data : (const guchar *) "", length);
  if ((double) length != size || !g_str_equal (actual, sha256))
    return ledger_json_fail (json, _("the content of “%s” is not the file its “size” and “sha256” describe"),
                             name);

  attachment = g_new0 (LedgerPackageAttachment, 1);
  attachment->indicator = g_ascii_strdown (indicator, -1);
  attachment->code = g_strdup (code);
  attachment->period = g_strdup (period_code);
  attachment->name = g_strdup (name);
  attachment->media_type = g_strdup (media_type[0] != '\0' ? media_type : "application/octet-stream");
  attachment->sha256 = g_strdup (sha256);
  attachment->content = g_bytes_new_take (g_steal_pointer (&data), length);
  g_ptr_array_add (reader->package->attachments, attachment);
  return TRUE;
}

static gboolean
read_list (Reader     *reader,
           JsonObject *object,
           const char *member,
           gboolean  (*read_element) (Reader *, JsonObject *))
{
  JsonArray *array = ledger_json_read_array (&reader->json, object, member, FALSE);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved = ledger_json_reader_enter (&reader->json, member, i);
      JsonObject *element;

      ledger_json_at (&reader->json, object, member);
      if ((element = ledger_json_array_object (&reader->json, array, i)) == NULL ||
          !read_element (reader, element))
        return FALSE;
      ledger_json_reader_leave (&reader->json, saved);
    }
  return TRUE;
}

static gboolean
read_header (Reader     *reader,
             JsonObject *object)
{
  LedgerJsonReader *json = &reader->json;
  LedgerPackage *package = reader->package;
  const char *unit, *from, *to, *exported_at, *exported_by;

  if (!ledger_json_check_members (json, object, document_members) ||
      !ledger_json_read_string (json, object, "unit", TRUE, &unit) ||
      !read_period (json, object, "from", &from, &reader->from) ||
      !read_period (json, object, "to", &to, &reader->to) ||
      !ledger_json_read_string (json, object, "exported_at", FALSE, &exported_at) ||
      !ledger_json_read_string (json, object, "exported_by", FALSE, &exported_by))
    return FALSE;
  if (!ledger_period_range_is_valid (&reader->from, &reader->to))
    return ledger_json_fail (json, _("“to” (%s) is before “from” (%s)"), to, from);

  package->unit = g_strstrip (g_strdup (unit));
  package->from = g_strdup (from);
  package->to = g_strdup (to);
  package->exported_at = g_strdup (exported_at);
  package->exported_by = g_strdup (exported_by);
  return TRUE;
}

static gboolean
read_document (Reader   *reader,
               JsonNode *root)
{
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail_format (&reader->json, _("a data package is a JSON object with “format” and “values”"));
  object = json_node_get_object (root);
  return read_format (&reader->json, object, &reader->version) &&
         read_header (reader, object) &&
         (!json_object_has_member (object, "plans") || read_list (reader, object, "plans", read_plan)) &&
         read_list (reader, object, "values", read_entry) &&
         (!json_object_has_member (object, "attachments") ||
          read_list (reader, object, "attachments", read_attachment));
}

/**
 * ledger_package_read:
 * @file_name: (nullable): the file's name, for the change log's origin
 *   ("市统计局 · stats-2026-06.tlpkg")
 *
 * Reads a data package. A file that is not JSON, not a package, of another
 * version, or with any member wrong is refused, the error naming the line
 * and the place ("line 14, values[2]: “value” must be a number").
 *
 * Returns: (transfer full): the package, or %NULL with @error set
 */
LedgerPackage *
ledger_package_read (const char  *data,
                     gsize        length,
                     const char  *file_name,
                     GError     **error)
{
  g_autoptr(LedgerPackage) self = g_object_new (LEDGER_TYPE_PACKAGE, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) syntax_error = NULL;
  Reader reader = { .package = self, .seen = seen };
  gboolean ok = FALSE;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  ledger_json_reader_init (&reader.json, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID, error);
  root = ledger_json_reader_load (&reader.json, data != NULL ? data : "", length,
                                  LEDGER_JSON_MAX_PACKAGE, &syntax_error);
  if (syntax_error != NULL)
    g_set_error (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_SYNTAX,
                 _("Not a valid data package: %s"), syntax_error->message);
  else
    ok = read_document (&reader, root);
  ledger_json_reader_clear (&reader.json);
  if (!ok)
    return NULL;

  self->file_name = g_strdup (file_name != NULL ? file_name : "");
  self->origin = self->file_name[0] != '\0' ? g_strdup_printf ("%s · %s", self->unit, self->file_name)
                                            : g_strdup (self->unit);
  return g_steal_pointer (&self);
}

