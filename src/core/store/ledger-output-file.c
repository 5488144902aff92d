/* ledger-output-file.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger-output-file.h"
#include "ledger-store.h"

/* Every file an export or a backup writes goes through here (see
 * docs/backups.md). A target is refused when writing it would harm the
 * ledger: the ledger itself, SQLite's files beside it, its backups and
 * anything in its backups folder, however the target names them (another
 * spelling, a symbolic or hard link); and anything that is not a regular
 * file, which a rename would replace by one (a pipe, a device, a folder).
 * The bytes go to a temporary file beside the target, renamed over it only
 * once they are whole and on disk. */

struct _LedgerOutputFile
{
  char *target;
  char *temporary;
  char *ledger_path;
  int   fd;
};

static const char * const ledger_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* @path made absolute, with its links followed as far as they lead: the
 * file that writing @path would reach. */
static char *
resolve (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  char *real;

  if ((real = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  if ((real = realpath (dir, NULL)) != NULL)
    {
      char *joined = g_build_filename (real, name, NULL);

      free (real);
      return joined;
    }
  return g_canonicalize_filename (path, NULL);
}

/* Whether the resolved @target (with @target_stat if it exists) is @other,
 * by name or as the same file on disk. */
static gboolean
same_file (const char        *target,
           const struct stat *target_stat,
           const char        *other)
{
  g_autofree char *resolved = resolve (other);
  struct stat other_stat;

  if (g_str_equal (target, resolved))
    return TRUE;
  return target_stat != NULL && g_stat (other, &other_stat) == 0 &&
         target_stat->st_dev == other_stat.st_dev && target_stat->st_ino == other_stat.st_ino;
}

/* Whether @target lies in @folder or in a folder below it. */
static gboolean
is_inside (const char *target,
           const char *folder)
{
  g_autofree char *resolved = resolve (folder);
  g_autofree char *dir = g_path_get_dirname (target);
  struct stat folder_stat, dir_stat;
  gboolean found = g_stat (resolved, &folder_stat) == 0;

  while (TRUE)
    {
      char *parent;

      if (g_str_equal (dir, resolved) ||
          (found && g_stat (dir, &dir_stat) == 0 &&
           dir_stat.st_dev == folder_stat.st_dev && dir_stat.st_ino == folder_stat.st_ino))
        return TRUE;
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          return FALSE;
        }
      g_free (dir);
      dir = parent;
    }
}

static gboolean
is_ledger_or_its_file (const char        *target,
                       const struct stat *target_stat,
                       const char        *ledger_path)
{
  for (guint i = 0; i < G_N_ELEMENTS (ledger_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (ledger_path, ledger_suffixes[i], NULL);

      if (same_file (target, target_stat, file))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_backup (const char        *target,
           const struct stat *target_stat,
           const char        *ledger_path)
{
  g_autofree char *folder = ledger_store_dup_backups_root_of (ledger_path);
  g_autoptr(GPtrArray) backups = NULL;

  if (is_inside (target, folder))
    return TRUE;
  backups = ledger_store_list_backups_of (ledger_path);
  for (guint i = 0; i < backups->len; i++)
    {
      if (same_file (target, target_stat, g_ptr_array_index (backups, i)))
        return TRUE;
    }
  return FALSE;
}

/**
 * ledger_output_file_is_ledger_file:
 * @path: a file to read
 * @ledger_path: the ledger
 *
 * Returns: whether @path is the ledger or SQLite's files beside it, however
 *   it names them (another spelling, a symbolic or hard link)
 */
gboolean
ledger_output_file_is_ledger_file (const char *path,
                                   const char *ledger_path)
{
  g_autofree char *target = resolve (path);
  struct stat target_stat;
  gboolean exists = g_stat (path, &target_stat) == 0;

  g_return_val_if_fail (path != NULL && ledger_path != NULL, FALSE);

  return is_ledger_or_its_file (target, exists ? &target_stat : NULL, ledger_path);
}

static gboolean
check_kind (const char         *path,
            const struct stat  *target_stat,
            GError            **error)
{
  if (S_ISREG (target_stat->st_mode))
    return TRUE;
  if (S_ISDIR (target_stat->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not a file: nothing was written; choose a file name"), path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file (a pipe, a device or a socket): nothing was written; "
                   "choose a file name"), path);
  return FALSE;
}

/**
 * ledger_output_file_check:
 * @path: the file an export or a backup would write
 * @ledger_path: (nullable): the ledger that must come to no harm
 *
 * Returns: %TRUE if @path may be written, else %FALSE with @error set,
 *   naming @path
 */
gboolean
ledger_output_file_check (const char  *path,
                          const char  *ledger_path,
                          GError     **error)
{
  g_autofree char *target = NULL;
  struct stat target_stat;
  gboolean exists;

  g_return_val_if_fail (path != NULL, FALSE);

  /* A link is judged by what it leads to. */
  exists = g_stat (path, &target_stat) == 0;
  if (exists && !check_kind (path, &target_stat, error))
    return FALSE;
  if (ledger_path == NULL)
    return TRUE;
  target = resolve (path);
  if (g_str_equal (path, ledger_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the ledger itself: it is never written over; choose another file"), path);
      return FALSE;
    }
  if (is_ledger_or_its_file (target, exists ? &target_stat : NULL, ledger_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the ledger “%s” or one of its own files: it is never written over; "
                     "choose another file"), path, ledger_path);
      return FALSE;
    }
  if (is_backup (target, exists ? &target_stat : NULL, ledger_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is a backup of the ledger “%s” or lies in its backups folder: only the "
                     "ledger’s own backups are written there; choose another file"), path, ledger_path);
      return FALSE;
    }
  return TRUE;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  /* Translators: a file name, then the reason */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"),
               path, g_strerror (saved_errno));
}

/**
 * ledger_output_file_begin:
 * @path: the file to write, checked with ledger_output_file_check()
 * @mode: the permissions of the new file (before the umask)
 *
 * Creates the temporary file that ledger_output_file_finish() renames over
 * @path, or over the file @path links to. Write to its descriptor, or to
 * its path.
 *
 * Returns: (transfer full): the file being written, or %NULL with @error set
 */
LedgerOutputFile *
ledger_output_file_begin (const char  *path,
                          const char  *ledger_path,
                          int          mode,
                          GError     **error)
{
  g_autoptr(LedgerOutputFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ledger_output_file_check (path, ledger_path, error))
    return NULL;
  self = g_new0 (LedgerOutputFile, 1);
  self->fd = -1;
  self->target = resolve (path);
  self->ledger_path = g_strdup (ledger_path);
  dir = g_path_get_dirname (self->target);
  name = g_path_get_basename (self->target);
  self->temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, name);
  if ((self->fd = g_mkstemp_full (self->temporary, O_RDWR | O_CLOEXEC, mode)) < 0)
    {
      set_errno_error (error, errno, path);
      g_clear_pointer (&self->temporary, g_free);
      return NULL;
    }
  return g_steal_pointer (&self);
}

int
ledger_output_file_get_fd (LedgerOutputFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

const char *
ledger_output_file_get_temporary (LedgerOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temporary;
}

/* On disk before the rename: a crash leaves the old file or the new one. */
static gboolean
sync_temporary (LedgerOutputFile  *self,
                GError           **error)
{
  int fd = self->fd >= 0 ? self->fd : g_open (self->temporary, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  self->fd = -1;
  if (saved_errno == 0)
    return TRUE;
  set_errno_error (error, saved_errno, self->target);
  return FALSE;
}

/**
 * ledger_output_file_finish:
 *
 * Puts the written temporary file in the target's place, after checking
 * the target again: what took its place meanwhile is not replaced either.
 * On failure the temporary file is removed and the target is as it was.
 */
gboolean
ledger_output_file_finish (LedgerOutputFile  *self,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL && self->temporary != NULL, FALSE);

  if (!sync_temporary (self, error) || !ledger_output_file_check (self->target, self->ledger_path, error))
    return FALSE;
  if (g_rename (self->temporary, self->target) != 0)
    {
      set_errno_error (error, errno, self->target);
      return FALSE;
    }
  g_clear_pointer (&self->temporary, g_free);
  return TRUE;
}

/* Removes the temporary file unless it was finished. */
void
ledger_output_file_free (LedgerOutputFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temporary != NULL)
    g_unlink (self->temporary);
  g_free (self->temporary);
  g_free (self->target);
  g_free (self->ledger_path);
  g_free (self);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/**
 * ledger_output_file_write:
 * @path: the file to write, checked with ledger_output_file_check()
 * @ledger_path: (nullable): the ledger that must come to no harm
 *
 * Writes @data to @path: whole, or not at all.
 */
gboolean
ledger_output_file_write (const char  *path,
                          const char  *ledger_path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(LedgerOutputFile) file = ledger_output_file_begin (path, ledger_path, 0666, error);

  if (file == NULL)
    return FALSE;
  if (!write_all (file->fd, data, length))
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  return ledger_output_file_finish (file, error);
}
