/* ledger-store-attachments.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger-json.h"
#include "ledger-output-file.h"
#include "ledger-store-private.h"

/* 佐证材料: files attached to an indicator's period, kept inside the ledger
 * (docs/attachments.md). A file's bytes are stored once, under the SHA-256
 * of its content (attachment_blobs); each attachment links a name to them
 * (attachments). Bytes go in and out in chunks through SQLite's blob I/O,
 * so that a 50 MiB file is never whole in memory. Adding and removing are
 * one step of undo each and written to the change log; the bytes of a
 * removed attachment stay until the ledger is next opened, so that undo
 * finds them. */

#define CHUNK (1024 * 1024)

static LedgerAttachment *
attachment_from_row (StoreStatement *stmt)
{
  return ledger_attachment_new (store_column_text (stmt, 0), store_column_int64 (stmt, 1),
                                store_column_text (stmt, 2), store_column_text (stmt, 3),
                                store_column_text (stmt, 4), store_column_text (stmt, 5),
                                (guint64) store_column_int64 (stmt, 6), store_column_text (stmt, 7),
                                store_column_text (stmt, 8));
}

#define ATTACHMENT_COLUMNS \
  "a.uuid, a.indicator_id, a.period, a.name, a.media_type, a.sha256, b.size, a.added_at, a.added_by "

/* The change log's record of an attachment: {"name":…,"sha256":…,"size":…} */
static char *
attachment_to_json (LedgerAttachment *attachment)
{
  GString *out = g_string_new ("{\"name\":");

  ledger_json_append_string (out, ledger_attachment_get_name (attachment));
  g_string_append (out, ",\"sha256\":");
  ledger_json_append_string (out, ledger_attachment_get_sha256 (attachment));
  g_string_append_printf (out, ",\"size\":%" G_GUINT64_FORMAT "}", ledger_attachment_get_size (attachment));
  return g_string_free (out, FALSE);
}

/* ---- reading a file ------------------------------------------------- */

/* The file to attach, opened, with its size: a regular file no larger
 * than @limit. */
static int
open_file (const char  *path,
           guint64      limit,
           guint64     *size,
           GError     **error)
{
  struct stat info;
  /* Without waiting for a writer, should @path be a pipe. */
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  int saved_errno = errno;
  g_autofree char *limit_text = NULL;
  g_autofree char *size_text = NULL;

  if (fd < 0 || fstat (fd, &info) != 0)
    {
      saved_errno = fd < 0 ? saved_errno : errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return -1;
    }
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("“%s” is not a file"), path);
      return -1;
    }
  if ((guint64) info.st_size > limit)
    {
      close (fd);
      /* With the bytes: 52.4 MB is over 52.4 MB by a byte. */
      limit_text = g_format_size_full (limit, G_FORMAT_SIZE_LONG_FORMAT);
      size_text = g_format_size_full (info.st_size, G_FORMAT_SIZE_LONG_FORMAT);
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   /* Translators: the file, its size, the limit: "“x.pdf” is 60.2 MB; an attachment may be at most 52.4 MB" */
                   _("“%s” is %s; an attachment may be at most %s"), path, size_text, limit_text);
      return -1;
    }
  *size = (guint64) info.st_size;
  return fd;
}

/* Reads the next chunk of @fd into @buffer; sets an error naming @path. */
static gssize
read_chunk (int          fd,
            const char  *path,
            guchar      *buffer,
            GError     **error)
{
  gssize n;

  do
    n = read (fd, buffer, CHUNK);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
    }
  return n;
}

/* Reads @fd from its start to its end: its SHA-256, and when @blob is
 * set, its bytes into the blob, when @bytes is, into those (for the
 * server). Fails if it is not @size bytes long. */
static char *
read_file (int            fd,
           const char    *path,
           guint64        size,
           sqlite3_blob  *blob,
           GByteArray    *bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (CHUNK);
  guint64 offset = 0;
  gssize n;

  if (lseek (fd, 0, SEEK_SET) != 0)
    return read_chunk (-1, path, buffer, error), NULL;
  while ((n = read_chunk (fd, path, buffer, error)) > 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (offset + (guint64) n > size ||
          (blob != NULL && sqlite3_blob_write (blob, buffer, (int) n, (int) offset) != SQLITE_OK))
        break;
      if (bytes != NULL)
        g_byte_array_append (bytes, buffer, (guint) n);
      g_checksum_update (checksum, buffer, n);
      offset += (guint64) n;
    }
  if (n < 0)
    return NULL;
  if (n > 0 || offset != size)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED,
                   _("“%s” changed while it was being attached"), path);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- the bytes ------------------------------------------------------ */

static gboolean
has_blob (LedgerStore  *self,
          const char   *sha256,
          gboolean     *found,
          GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT 1 FROM attachment_blobs WHERE sha256 = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, sha256);
  rc = store_step (stmt);
  *found = rc == SQLITE_ROW;
  store_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || store_set_error (self, rc, error);
}

/* The file must still have the content it was attached with. */
static gboolean
check_written (const char  *written,
               const char  *sha256,
               const char  *path,
               GError     **error)
{
  if (written == NULL)
    return FALSE;
  if (g_str_equal (written, sha256))
    return TRUE;
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED,
               _("“%s” changed while it was being attached"), path);
  return FALSE;
}

/* On the server, the bytes go in one bound value: the file is read into
 * memory (attachments have a size limit) and sent with the row. */
static gboolean
insert_server_blob (LedgerStore   *self,
                    const char    *sha256,
                    int            fd,
                    const char    *path,
                    guint64        size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new ((guint) MIN (size, G_MAXUINT));
  g_autofree char *written = read_file (fd, path, size, NULL, bytes, cancellable, error);
  StoreStatement *stmt;

  if (!check_written (written, sha256, path, error))
    return FALSE;
  stmt = store_prepare (self, "INSERT INTO attachment_blobs (sha256, size, content) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, sha256);
  store_bind_int64 (stmt, 2, size);
  store_bind_blob (stmt, 3, bytes->data, bytes->len);
  return store_run (self, stmt, error);
}

/* Stores the bytes of @fd under @sha256, read again into the blob: the
 * file must still have that content. */
static gboolean
insert_blob (LedgerStore   *self,
             const char    *sha256,
             int            fd,
             const char    *path,
             guint64        size,
             GCancellable  *cancellable,
             GError       **error)
{
  StoreStatement *stmt;
  sqlite3_blob *blob = NULL;
  g_autofree char *written = NULL;
  int rc;

  if (self->server != NULL)
    return insert_server_blob (self, sha256, fd, path, size, cancellable, error);
  stmt = store_prepare (self, "INSERT INTO attachment_blobs (sha256, size, content) "
                              "VALUES (?, ?, zeroblob (?))", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, sha256);
  store_bind_int64 (stmt, 2, size);
  store_bind_int64 (stmt, 3, size);
  if (!store_run (self, stmt, error))
    return FALSE;
  rc = sqlite3_blob_open (self->db, "main", "attachment_blobs", "content",
                          store_last_insert_id (self), 1, &blob);
  if (rc != SQLITE_OK)
    return store_set_error (self, rc, error);
  written = read_file (fd, path, size, blob, NULL, cancellable, error);
  rc = sqlite3_blob_close (blob);
  if (written != NULL && rc != SQLITE_OK)
    return store_set_error (self, rc, error);
  return check_written (written, sha256, path, error);
}

/* Opens the blob stored under @sha256 for reading; sets its size. */
static sqlite3_blob *
open_blob (LedgerStore  *self,
           const char   *sha256,
           int          *size,
           GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT rowid FROM attachment_blobs WHERE sha256 = ?", error);
  sqlite3_blob *blob = NULL;
  sqlite3_int64 rowid;
  int rc;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, sha256);
  rc = store_step (stmt);
  rowid = rc == SQLITE_ROW ? store_column_int64 (stmt, 0) : 0;
  store_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CORRUPT,
                     _("The file of the attachment %s is no longer in the ledger"), sha256);
      else
        store_set_error (self, rc, error);
      return NULL;
    }
  rc = sqlite3_blob_open (self->db, "main", "attachment_blobs", "content", rowid, 0, &blob);
  if (rc != SQLITE_OK)
    {
      sqlite3_blob_close (blob);
      store_set_error (self, rc, error);
      return NULL;
    }
  *size = sqlite3_blob_bytes (blob);
  return blob;
}

typedef gboolean (*ChunkFunc) (const guchar  *data,
                               gsize          length,
                               gpointer       user_data,
                               GError       **error);

/* The server's bytes come whole, and are handed on chunk by chunk. */
static gboolean
read_server_blob (LedgerStore  *self,
                  const char   *sha256,
                  ChunkFunc     func,
                  gpointer      user_data,
                  GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT content FROM attachment_blobs WHERE sha256 = ?", error);
  gconstpointer data;
  gsize size = 0;
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, sha256);
  rc = store_step (stmt);
  if (rc != SQLITE_ROW)
    {
      store_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CORRUPT,
                     _("The file of the attachment %s is no longer in the ledger"), sha256);
      return rc == SQLITE_DONE ? FALSE : store_set_error (self, rc, error);
    }
  data = store_column_blob (stmt, 0, &size);
  for (gsize offset = 0; ok && offset < size; offset += CHUNK)
    ok = func ((const guchar *) data + offset, MIN (CHUNK, size - offset), user_data, error);
  store_reset (stmt);
  return ok;
}

/* Hands the bytes stored under @sha256 to @func, chunk by chunk. */
static gboolean
read_blob (LedgerStore  *self,
           const char   *sha256,
           ChunkFunc     func,
           gpointer      user_data,
           GError      **error)
{
  int size = 0;
  sqlite3_blob *blob;
  g_autofree guchar *buffer = NULL;
  gboolean ok = TRUE;

  if (self->server != NULL)
    return read_server_blob (self, sha256, func, user_data, error);
  if ((blob = open_blob (self, sha256, &size, error)) == NULL)
    return FALSE;
  buffer = g_malloc (CHUNK);
  for (int offset = 0; ok && offset < size; offset += CHUNK)
    {
      int n = MIN (CHUNK, size - offset);
      int rc = sqlite3_blob_read (blob, buffer, n, offset);

      ok = rc == SQLITE_OK ? func (buffer, n, user_data, error) : store_set_error (self, rc, error);
    }
  sqlite3_blob_close (blob);
  return ok;
}

/* ---- links ---------------------------------------------------------- */

/* The evidence of a closed month is locked with its figures: added,
 * removed, by undo or by a package, it is refused alike. */
static gboolean
check_open (LedgerStore       *self,
            const StoreRules  *rules,
            LedgerAttachment  *attachment,
            GError           **error)
{
  LedgerPeriod period;

  return !ledger_period_parse (ledger_attachment_get_period (attachment), &period) ||
         store_rules_check_open (self, rules, &period, error);
}

gboolean
store_link_attachment (LedgerStore       *self,
                       LedgerAttachment  *attachment,
                       const char        *origin,
                       GError           **error)
{
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO attachments (uuid, indicator_id, period, name, media_type, sha256, added_at, added_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  const StoreRules *rules = store_load_rules (self, ledger_attachment_get_indicator_id (attachment), error);
  g_autofree char *json = attachment_to_json (attachment);
  gboolean found = FALSE;

  if (stmt == NULL || rules == NULL || !check_open (self, rules, attachment, error) ||
      !has_blob (self, ledger_attachment_get_sha256 (attachment), &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CORRUPT,
                   _("The file of the attachment %s is no longer in the ledger"),
                   ledger_attachment_get_sha256 (attachment));
      return FALSE;
    }
  store_bind_text (stmt, 1, ledger_attachment_get_uuid (attachment));
  store_bind_int64 (stmt, 2, ledger_attachment_get_indicator_id (attachment));
  store_bind_text (stmt, 3, ledger_attachment_get_period (attachment));
  store_bind_text (stmt, 4, ledger_attachment_get_name (attachment));
  store_bind_text (stmt, 5, ledger_attachment_get_media_type (attachment));
  store_bind_text (stmt, 6, ledger_attachment_get_sha256 (attachment));
  store_bind_text (stmt, 7, ledger_attachment_get_added_at (attachment));
  store_bind_text (stmt, 8, ledger_attachment_get_added_by (attachment));
  if (!store_run (self, stmt, error))
    return FALSE;
  store_undo_record_attachment (self, attachment, TRUE);
  return store_log_change (self, "insert", "attachment", store_rules_get_uuid (rules),
                           ledger_attachment_get_period (attachment), NULL, json, origin, error);
}

gboolean
store_unlink_attachment (LedgerStore       *self,
                         LedgerAttachment  *attachment,
                         const char        *origin,
                         GError           **error)
{
  StoreStatement *stmt = store_prepare (self, "DELETE FROM attachments WHERE uuid = ?", error);
  const StoreRules *rules = store_load_rules (self, ledger_attachment_get_indicator_id (attachment), error);
  g_autofree char *json = attachment_to_json (attachment);

  if (stmt == NULL || rules == NULL || !check_open (self, rules, attachment, error))
    return FALSE;
  store_bind_text (stmt, 1, ledger_attachment_get_uuid (attachment));
  if (!store_run (self, stmt, error))
    return FALSE;
  store_undo_record_attachment (self, attachment, FALSE);
  return store_log_change (self, "delete", "attachment", store_rules_get_uuid (rules),
                           ledger_attachment_get_period (attachment), json, NULL, origin, error);
}

static LedgerAttachment *
find_attachment (LedgerStore  *self,
                 const char   *uuid,
                 GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT " ATTACHMENT_COLUMNS
                                            "FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256 "
                                            "WHERE a.uuid = ?", error);
  LedgerAttachment *attachment = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, uuid);
  if (store_step (stmt) == SQLITE_ROW)
    attachment = attachment_from_row (stmt);
  store_reset (stmt);
  if (attachment == NULL)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, _("No such attachment"));
  return attachment;
}

/* Whether @name is attached to the period already, and under which SHA-256. */
static gboolean
attached_sha256 (LedgerStore  *self,
                 gint64        indicator_id,
                 const char   *period,
                 const char   *name,
                 char        **sha256,
                 GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT sha256 FROM attachments "
                                            "WHERE indicator_id = ? AND period = ? AND name = ?", error);
  int rc;

  *sha256 = NULL;
  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_text (stmt, 2, period);
  store_bind_text (stmt, 3, name);
  if ((rc = store_step (stmt)) == SQLITE_ROW)
    *sha256 = g_strdup (store_column_text (stmt, 0));
  store_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || store_set_error (self, rc, error);
}

static gboolean
set_name_taken (const char  *name,
                const char  *period,
                GError     **error)
{
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS, _("“%s” is already attached to %s"),
               name, period);
  return FALSE;
}

/* A name is attached once to a period. */
static gboolean
check_name_free (LedgerStore  *self,
                 gint64        indicator_id,
                 const char   *period,
                 const char   *name,
                 GError      **error)
{
  g_autofree char *attached = NULL;

  if (!attached_sha256 (self, indicator_id, period, name, &attached, error))
    return FALSE;
  return attached == NULL || set_name_taken (name, period, error);
}

/* The attachment's bytes, in the open transaction: kept once. */
static gboolean
store_bytes (LedgerStore   *self,
             int            fd,
             const char    *path,
             guint64        size,
             const char    *sha256,
             GCancellable  *cancellable,
             GError       **error)
{
  gboolean found = FALSE;

  return has_blob (self, sha256, &found, error) &&
         (found || insert_blob (self, sha256, fd, path, size, cancellable, error));
}

/**
 * ledger_store_add_attachment:
 * @period: the indicator's period the file backs
 * @path: the file
 * @name: (nullable): the name to keep, or %NULL for the file's own
 * @limit: the largest file accepted, in bytes
 *
 * Attaches a copy of the file at @path to the indicator's period, in one
 * transaction and one step of undo. A file the ledger holds already
 * (the same SHA-256) is not stored again; a name already attached to the
 * period is refused.
 *
 * Returns: (transfer full): the attachment, or %NULL with @error set
 */
LedgerAttachment *
ledger_store_add_attachment (LedgerStore   *self,
                             gint64         indicator_id,
                             const char    *period,
                             const char    *path,
                             const char    *name,
                             guint64        limit,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(LedgerAttachment) attachment = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *uuid = NULL;
  const StoreRules *rules;
  LedgerPeriod parsed;
  guint64 size = 0;
  int fd;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL && path != NULL, NULL);

  if (self->path != NULL && ledger_output_file_is_ledger_file (path, self->path))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("“%s” is the ledger or one of its own files: it cannot be attached to itself; "
                     "attach a backup of it"), path);
      return NULL;
    }
  if ((fd = open_file (path, limit, &size, error)) < 0)
    return NULL;
  /* A name in UTF-8, whatever the file system's bytes: it goes into reports. */
  basename = name != NULL ? g_strdup (name) : g_filename_display_basename (path);
  media_type = ledger_attachment_guess_media_type (basename);
  sha256 = read_file (fd, path, size, NULL, NULL, cancellable, error);
  if (sha256 == NULL || !store_begin (self, error))
    goto failed;
  if ((rules = store_load_rules (self, indicator_id, error)) == NULL ||
      !store_check_period (rules, period, &parsed, error) ||
      !check_name_free (self, indicator_id, period, basename, error) ||
      !store_bytes (self, fd, path, size, sha256, cancellable, error))
    goto rollback;
  uuid = ledger_uuid_new ();
  attachment = ledger_attachment_new (uuid, indicator_id, period, basename, media_type, sha256, size,
                                      store_transaction_at (self), store_user ());
  if (!store_link_attachment (self, attachment, "", error) || !store_commit (self, error))
    goto rollback;
  close (fd);
  store_emit_values_changed (self, indicator_id);
  return g_steal_pointer (&attachment);

rollback:
  store_rollback (self);
failed:
  close (fd);
  return NULL;
}

/**
 * ledger_store_list_attachments:
 * @indicator_id: an indicator, or 0 for every indicator
 * @period: (nullable): a period of it, or %NULL for all
 *
 * Returns: (transfer full) (element-type LedgerAttachment): the
 *   attachments, by indicator, period and name
 */
GPtrArray *
ledger_store_list_attachments (LedgerStore  *self,
                               gint64        indicator_id,
                               const char   *period,
                               GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT " ATTACHMENT_COLUMNS
                                            "FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256 "
                                            "WHERE (?1 = 0 OR a.indicator_id = ?1) AND (CAST (?2 AS TEXT) IS NULL OR a.period = ?2) "
                                            "ORDER BY a.indicator_id, a.period, a.name, a.id", error);
  GPtrArray *attachments;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  if (period != NULL)
    store_bind_text (stmt, 2, period);
  attachments = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attachments, attachment_from_row (stmt));
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      g_ptr_array_unref (attachments);
      return NULL;
    }
  return attachments;
}

/**
 * ledger_store_remove_attachment:
 * @uuid: the attachment's
 *
 * Removes an attachment, as one step of undo.
 */
gboolean
ledger_store_remove_attachment (LedgerStore  *self,
                                const char   *uuid,
                                GError      **error)
{
  g_autoptr(LedgerAttachment) attachment = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (!store_begin (self, error))
    return FALSE;
  if ((attachment = find_attachment (self, uuid, error)) == NULL ||
      !store_unlink_attachment (self, attachment, "", error) || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, ledger_attachment_get_indicator_id (attachment));
  return TRUE;
}

/* The bytes no attachment links to any more: dropped when the ledger is
 * opened, when no undo of this program's can want them back. Only if
 * there are any: opening writes nothing otherwise, and a ledger another
 * program is writing still opens (they are dropped another time). */
void
store_drop_unlinked_blobs (LedgerStore *self)
{
  g_autoptr(GError) error = NULL;
  StoreStatement *stmt = store_prepare (self, "SELECT 1 FROM attachment_blobs WHERE sha256 NOT IN "
                                            "(SELECT sha256 FROM attachments) LIMIT 1", &error);
  gboolean unlinked;

  if (stmt == NULL)
    return;
  unlinked = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  if (unlinked && !store_exec (self, "DELETE FROM attachment_blobs WHERE sha256 NOT IN "
                                     "(SELECT sha256 FROM attachments)", &error))
    g_debug ("Unlinked attachments were not dropped: %s", error->message);
}

/* ---- files that come with an import -------------------------------- */

static gboolean
insert_blob_bytes (LedgerStore  *self,
                   const char   *sha256,
                   GBytes       *content,
                   GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "INSERT INTO attachment_blobs (sha256, size, content) "
                                            "VALUES (?, ?, ?)", error);
  gsize size;
  gconstpointer data = g_bytes_get_data (content, &size);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, sha256);
  store_bind_int64 (stmt, 2, size);
  store_bind_blob (stmt, 3, data, size);
  return store_run (self, stmt, error);
}

/* One file of an import, in its transaction: the same name with the same
 * content is there already; with another, it is refused. */
static gboolean
write_incoming (LedgerStore               *self,
                LedgerIncomingAttachment  *incoming,
                GError                   **error)
{
  LedgerAttachment *attachment = incoming->attachment;
  const char *sha256 = ledger_attachment_get_sha256 (attachment);
  g_autofree char *attached = NULL;
  g_autofree char *content_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, incoming->content);
  g_autoptr(LedgerAttachment) copy = NULL;
  g_autofree char *uuid = NULL;
  gboolean found = FALSE;

  if (!g_str_equal (content_sha256, sha256))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("The content of “%s” does not match its SHA-256"), ledger_attachment_get_name (attachment));
      return FALSE;
    }
  if (!attached_sha256 (self, ledger_attachment_get_indicator_id (attachment),
                        ledger_attachment_get_period (attachment), ledger_attachment_get_name (attachment),
                        &attached, error))
    return FALSE;
  if (attached != NULL && g_str_equal (attached, sha256))
    return TRUE;
  if (attached != NULL)
    return set_name_taken (ledger_attachment_get_name (attachment), ledger_attachment_get_period (attachment),
                           error);
  if (!has_blob (self, sha256, &found, error) ||
      (!found && !insert_blob_bytes (self, sha256, incoming->content, error)))
    return FALSE;
  uuid = ledger_uuid_new ();
  copy = ledger_attachment_new (uuid, ledger_attachment_get_indicator_id (attachment),
                                ledger_attachment_get_period (attachment), ledger_attachment_get_name (attachment),
                                ledger_attachment_get_media_type (attachment), sha256,
                                g_bytes_get_size (incoming->content), store_transaction_at (self), store_user ());
  return store_link_attachment (self, copy, incoming->origin, error);
}

gboolean
store_write_incoming (LedgerStore  *self,
                      GPtrArray    *attachments,
                      GError      **error)
{
  for (guint i = 0; i < attachments->len; i++)
    if (!write_incoming (self, g_ptr_array_index (attachments, i), error))
      return FALSE;
  return TRUE;
}

/* ---- copies out ----------------------------------------------------- */

static gboolean
write_chunk (const guchar  *data,
             gsize          length,
             gpointer       user_data,
             GError       **error)
{
  int fd = *(int *) user_data;

  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/**
 * ledger_store_save_attachment:
 * @path: the file to write, replaced if it exists
 *
 * Writes a copy of the attachment's file, whole or not at all, never over
 * the ledger or its backups (ledger_output_file_begin()).
 */
gboolean
ledger_store_save_attachment (LedgerStore       *self,
                              LedgerAttachment  *attachment,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(LedgerOutputFile) file = NULL;
  g_autoptr(GError) failure = NULL;
  int fd;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_ATTACHMENT (attachment), FALSE);

  if ((file = ledger_output_file_begin (path, self->path, 0666, error)) == NULL)
    return FALSE;
  fd = ledger_output_file_get_fd (file);
  if (!read_blob (self, ledger_attachment_get_sha256 (attachment), write_chunk, &fd, &failure))
    {
      g_set_error (error, failure->domain, failure->code, _("Could not write “%s”: %s"), path, failure->message);
      return FALSE;
    }
  return ledger_output_file_finish (file, error);
}

static gboolean
append_chunk (const guchar  *data,
              gsize          length,
              gpointer       user_data,
              GError       **error)
{
  g_byte_array_append (user_data, data, length);
  return TRUE;
}

/**
 * ledger_store_read_attachment:
 *
 * Returns: (transfer full): the attachment's content, whole in memory (for
 *   a data package), or %NULL with @error set
 */
GBytes *
ledger_store_read_attachment (LedgerStore       *self,
                              LedgerAttachment  *attachment,
                              GError           **error)
{
  g_autoptr(GByteArray) content = g_byte_array_sized_new (ledger_attachment_get_size (attachment));

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if (!read_blob (self, ledger_attachment_get_sha256 (attachment), append_chunk, content, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&content));
}

/* ---- the check ------------------------------------------------------ */

static gboolean
hash_chunk (const guchar  *data,
            gsize          length,
            gpointer       user_data,
            GError       **error)
{
  g_checksum_update (user_data, data, length);
  return TRUE;
}

/* Each file's bytes against its size and SHA-256; returns the number of
 * problems, each a line of @report. */
guint
store_check_attachments (LedgerStore *self,
                         GString     *report)
{
  g_autoptr(GError) error = NULL;
  StoreStatement *stmt = store_prepare (self, "SELECT sha256, size, length (content) FROM attachment_blobs "
                                            "ORDER BY sha256", &error);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  guint problems = 0;

  if (stmt == NULL)
    return g_string_append_printf (report, "%s\n", error->message), 1;
  while (store_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = store_column_text (stmt, 0);

      if (store_column_int64 (stmt, 1) != store_column_int64 (stmt, 2))
        problems++, g_string_append_printf (report, "attachment file %s is %" G_GINT64_FORMAT " bytes, "
                                            "not %" G_GINT64_FORMAT "\n", sha256,
                                            (gint64) store_column_int64 (stmt, 2),
                                            (gint64) store_column_int64 (stmt, 1));
      g_ptr_array_add (hashes, g_strdup (sha256));
    }
  store_reset (stmt);
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

      g_clear_error (&error);
      if (!read_blob (self, sha256, hash_chunk, checksum, &error))
        problems++, g_string_append_printf (report, "attachment file %s: %s\n", sha256, error->message);
      else if (!g_str_equal (g_checksum_get_string (checksum), sha256))
        problems++, g_string_append_printf (report, "attachment file %s does not match its SHA-256 "
                                            "(its content has %s)\n", sha256, g_checksum_get_string (checksum));
    }
  return problems;
}
