/* ledger-attachment.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-attachment"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "ledger-attachment.h"

/* A file attached to an indicator's period (佐证材料): the name it had,
 * its media type, and the SHA-256 and size of its content, which the
 * ledger keeps once however often it is attached. Immutable. */
struct _LedgerAttachment
{
  GObject  parent_instance;

  gint64   indicator_id;
  guint64  size;
  char    *fields[7];
};

enum { UUID, PERIOD, NAME, MEDIA_TYPE, SHA256, ADDED_AT, ADDED_BY };

G_DEFINE_FINAL_TYPE (LedgerAttachment, ledger_attachment, G_TYPE_OBJECT)

static void
ledger_attachment_finalize (GObject *object)
{
  LedgerAttachment *self = LEDGER_ATTACHMENT (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (ledger_attachment_parent_class)->finalize (object);
}

static void
ledger_attachment_class_init (LedgerAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_attachment_finalize;
}

static void
ledger_attachment_init (LedgerAttachment *self)
{
}

LedgerAttachment *
ledger_attachment_new (const char *uuid,
                       gint64      indicator_id,
                       const char *period,
                       const char *name,
                       const char *media_type,
                       const char *sha256,
                       guint64     size,
                       const char *added_at,
                       const char *added_by)
{
  LedgerAttachment *self = g_object_new (LEDGER_TYPE_ATTACHMENT, NULL);
  const char *values[] = { uuid, period, name, media_type, sha256, added_at, added_by };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    self->fields[i] = g_strdup (values[i] != NULL ? values[i] : "");
  self->indicator_id = indicator_id;
  self->size = size;
  return self;
}

#define GETTER(name, index) \
  const char * \
  ledger_attachment_get_##name (LedgerAttachment *self) \
  { \
    g_return_val_if_fail (LEDGER_IS_ATTACHMENT (self), NULL); \
    return self->fields[index]; \
  }

GETTER (uuid, UUID)
GETTER (period, PERIOD)
GETTER (name, NAME)
GETTER (media_type, MEDIA_TYPE)
GETTER (sha256, SHA256)
GETTER (added_at, ADDED_AT)
GETTER (added_by, ADDED_BY)

gint64
ledger_attachment_get_indicator_id (LedgerAttachment *self)
{
  g_return_val_if_fail (LEDGER_IS_ATTACHMENT (self), 0);
  return self->indicator_id;
}

guint64
ledger_attachment_get_size (LedgerAttachment *self)
{
  g_return_val_if_fail (LEDGER_IS_ATTACHMENT (self), 0);
  return self->size;
}

/* Whether @text is a SHA-256 as the ledger writes it: 64 lower-case hex
 * digits. */
gboolean
ledger_attachment_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* File systems take names of at most 255 bytes: a longer name is cut,
 * keeping its extension, to leave room for " (2)" and the like. */
#define SAFE_NAME_BYTES 240
#define EXTENSION_BYTES 16

/* @safe cut to SAFE_NAME_BYTES, between characters, its extension kept. */
static void
cut_name (GString *safe)
{
  const char *dot = strrchr (safe->str, '.');
  g_autofree char *extension = NULL;
  const char *end;

  if (safe->len <= SAFE_NAME_BYTES)
    return;
  if (dot != NULL && strlen (dot) <= EXTENSION_BYTES)
    extension = g_strdup (dot);
  end = g_utf8_find_prev_char (safe->str, safe->str + SAFE_NAME_BYTES + 1 -
                                          (extension != NULL ? strlen (extension) : 0));
  g_string_truncate (safe, end - safe->str);
  if (extension != NULL)
    g_string_append (safe, extension);
}

/* Returns: (transfer full): @name as a file name that stays in the folder
 * it is written to: no folder separators, no leading dot, no control
 * characters, valid UTF-8, short enough for a file system, never empty */
char *
ledger_attachment_safe_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  GString *safe = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        g_string_append_c (safe, '_');
      else
        g_string_append_unichar (safe, c);
    }
  while (safe->len > 0 && safe->str[0] == '.')
    g_string_erase (safe, 0, 1);
  if (safe->len == 0)
    g_string_append_c (safe, '_');
  cut_name (safe);
  return g_string_free (safe, FALSE);
}

/* The types an office's evidence comes as, by extension: the same on
 * every machine, whatever its MIME database says. */
static const struct
{
  const char *extension;
  const char *media_type;
} office_types[] = {
  { "pdf", "application/pdf" },
  { "ofd", "application/ofd" },
  { "jpg", "image/jpeg" }, { "jpeg", "image/jpeg" }, { "png", "image/png" }, { "gif", "image/gif" },
  { "tif", "image/tiff" }, { "tiff", "image/tiff" }, { "heic", "image/heic" }, { "webp", "image/webp" },
  { "doc", "application/msword" },
  { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { "xls", "application/vnd.ms-excel" },
  { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "ppt", "application/vnd.ms-powerpoint" },
  { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  { "wps", "application/vnd.ms-works" }, { "et", "application/vnd.ms-excel" },
  { "txt", "text/plain" }, { "csv", "text/csv" },
  { "zip", "application/zip" }, { "rar", "application/vnd.rar" }, { "7z", "application/x-7z-compressed" },
  { "mp4", "video/mp4" }, { "mov", "video/quicktime" },
};

/* Returns: (transfer full): the media type of a file named @name */
char *
ledger_attachment_guess_media_type (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *type = NULL;
  char *mime;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (office_types); i++)
    if (g_ascii_strcasecmp (dot + 1, office_types[i].extension) == 0)
      return g_strdup (office_types[i].media_type);
  type = g_content_type_guess (name, NULL, 0, NULL);
  mime = g_content_type_get_mime_type (type);
  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}
