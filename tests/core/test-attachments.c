/* test-attachments.c: files attached to an indicator's period (佐证材料):
 * added once by content, refused above the limit, removed and brought
 * back by undo, carried by a backup, and damage found by the check
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "ledger-document-text.h"
#include "ledger-store.h"
#include "ledger-store-cycle.h"
#include "test-util.h"

#define LIMIT (G_GUINT64_CONSTANT (1) << 20)

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
  gint64       jobs;
  char        *photo;     /* 300 000 bytes */
  char        *copy;      /* the same bytes under another name */
  char        *minutes;
} Fixture;

static char *
write_sample (Fixture    *fixture,
              const char *name,
              gsize       size,
              guint       seed)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (char) ((i * 2654435761u + seed) >> 13);
  test_write_file (path, data, size);
  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (fixture->path);
  fixture->jobs = test_indicator_id (fixture->store, "changzhi-2026", "new-urban-jobs");
  fixture->photo = write_sample (fixture, "开工照片.jpg", 300000, 1);
  fixture->copy = write_sample (fixture, "copy.jpg", 300000, 1);
  fixture->minutes = write_sample (fixture, "minutes.pdf", 5000, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  g_free (fixture->photo);
  g_free (fixture->copy);
  g_free (fixture->minutes);
  test_tmp_dir_free (fixture->dir);
}

static LedgerAttachment *
attach (Fixture    *fixture,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  LedgerAttachment *attachment = ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-06", path,
                                                              NULL, LIMIT, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  return attachment;
}

static guint
count_attachments (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = ledger_store_list_attachments (fixture->store, fixture->jobs, "2026-06",
                                                                    &error);

  g_assert_no_error (error);
  return attachments->len;
}

static char *
sha256_of_file (const char *path)
{
  gsize length;
  g_autofree char *data = test_read_file (path, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static guint
count_blobs (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *location = test_ledger_location (path);

  store = ledger_store_open (location, &error);
  g_assert_no_error (error);
  all = ledger_store_list_attachments (store, 0, NULL, &error);
  for (guint i = 0; i < all->len; i++)
    g_hash_table_add (hashes, (gpointer) ledger_attachment_get_sha256 (g_ptr_array_index (all, i)));
  return g_hash_table_size (hashes);
}

/* A file is attached with its name, type, size and SHA-256; the same
 * bytes under another name are kept once; a copy out is the same file. */
static void
test_add_and_dedupe (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LedgerAttachment) photo = attach (fixture, fixture->photo);
  g_autoptr(LedgerAttachment) copy = attach (fixture, fixture->copy);
  g_autofree char *expected = sha256_of_file (fixture->photo);
  g_autofree char *out = g_build_filename (fixture->dir, "out.jpg", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ledger_attachment_get_name (photo), ==, "开工照片.jpg");
  g_assert_cmpstr (ledger_attachment_get_media_type (photo), ==, "image/jpeg");
  g_assert_cmpuint (ledger_attachment_get_size (photo), ==, 300000);
  g_assert_cmpstr (ledger_attachment_get_sha256 (photo), ==, expected);
  g_assert_cmpstr (ledger_attachment_get_sha256 (copy), ==, expected);
  g_assert_cmpuint (count_attachments (fixture), ==, 2);
  g_assert_cmpuint (count_blobs (fixture->path), ==, 1);

  g_assert_true (ledger_store_save_attachment (fixture->store, photo, out, &error));
  g_assert_no_error (error);
  written = sha256_of_file (out);
  g_assert_cmpstr (written, ==, expected);

  /* Never over the ledger (a file: on the server, the path is no ledger). */
  if (test_on_server ())
    return;
  g_assert_false (ledger_store_save_attachment (fixture->store, photo, fixture->path, &error));
  g_assert_nonnull (error);
}

/* Refused, with nothing written: a file above the limit, the same name
 * twice on a period, a period the indicator does not have, a folder. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LedgerAttachment) photo = attach (fixture, fixture->photo);
  guint changes = ledger_store_count_changes (fixture->store);
  g_autoptr(GError) error = NULL;

  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-06", fixture->minutes, NULL,
                                              4096, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "may be at most 4.1");
  g_clear_error (&error);
  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-06", fixture->photo, NULL,
                                              LIMIT, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS, "already attached");
  g_clear_error (&error);
  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-Q2", fixture->minutes, NULL,
                                              LIMIT, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "2026-Q2");
  g_clear_error (&error);
  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-06", fixture->dir, NULL,
                                              LIMIT, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_attachments (fixture), ==, 1);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes);
}

/* Removing is a step of undo, and so is adding; both are in the change
 * log of the indicator. */
static void
test_remove_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LedgerAttachment) photo = attach (fixture, fixture->photo);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, "changzhi-2026", "new-urban-jobs");
  guint n_deletes = 0, n_inserts = 0;

  g_assert_true (ledger_store_remove_attachment (fixture->store, ledger_attachment_get_uuid (photo), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_attachments (fixture), ==, 0);
  test_undo (fixture->store);
  g_assert_cmpuint (count_attachments (fixture), ==, 1);
  test_undo (fixture->store);
  g_assert_cmpuint (count_attachments (fixture), ==, 0);

  changes = ledger_store_list_changes (fixture->store, ledger_indicator_get_uuid (indicator));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);

      if (!g_str_equal (ledger_change_get_entity (change), "attachment"))
        continue;
      n_inserts += g_str_equal (ledger_change_get_action (change), "insert");
      n_deletes += g_str_equal (ledger_change_get_action (change), "delete");
      g_assert_nonnull (strstr (ledger_change_get_new (change) != NULL ? ledger_change_get_new (change)
                                                                       : ledger_change_get_old (change),
                                "开工照片.jpg"));
    }
  g_assert_cmpuint (n_inserts, ==, 2);
  g_assert_cmpuint (n_deletes, ==, 2);

  /* The bytes nothing links to are dropped when the ledger is next opened. */
  g_clear_object (&fixture->store);
  g_assert_cmpuint (count_blobs (fixture->path), ==, 0);
}

/* The evidence of a closed month is locked with its figures: adding,
 * removing and undoing either are refused; the ledger itself and a pipe
 * are never attached. */
static void
test_closed_and_hostile (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerAttachment) photo = attach (fixture, fixture->photo);
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, "changzhi-2026");
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  g_autofree char *pipe = g_build_filename (fixture->dir, "pipe", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  if (test_skip_on_server ("attaches the SQLite file's own side files"))
    return;
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-06", LEDGER_PERIOD_CLOSED, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-06", fixture->minutes, NULL,
                                              LIMIT, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED, "2026-06 is closed");
  g_clear_error (&error);
  g_assert_false (ledger_store_remove_attachment (fixture->store, ledger_attachment_get_uuid (photo), &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED, "2026-06 is closed");
  g_clear_error (&error);
  g_assert_cmpuint (count_attachments (fixture), ==, 1);

  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-06", LEDGER_PERIOD_OPEN, "test",
                                                &error));
  g_assert_true (ledger_store_remove_attachment (fixture->store, ledger_attachment_get_uuid (photo), &error));
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-06", LEDGER_PERIOD_CLOSED, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_false (ledger_store_undo (fixture->store, &error));   /* the removal */
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED, "2026-06 is closed");
  g_clear_error (&error);
  g_assert_cmpuint (count_attachments (fixture), ==, 0);

  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-07", fixture->path, NULL,
                                              LIMIT, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "the ledger");
  g_clear_error (&error);
  test_write_file (wal, "", 0);
  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-07", wal, NULL,
                                              LIMIT, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "the ledger");
  g_clear_error (&error);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_null (ledger_store_add_attachment (fixture->store, fixture->jobs, "2026-07", pipe, NULL,
                                              LIMIT, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "is not a file");
}

/* A name as a file name: inside the folder, valid UTF-8, short enough
 * for a file system with its extension kept. */
static void
test_safe_name (void)
{
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *cut = NULL;
  g_autofree char *invalid = ledger_attachment_safe_name ("bad\xff\xfe.pdf");
  g_autofree char *climbing = ledger_attachment_safe_name ("../../x.pdf");

  for (guint i = 0; i < 200; i++)
    g_string_append (long_name, "长");
  g_string_append (long_name, ".pdf");
  cut = ledger_attachment_safe_name (long_name->str);
  g_assert_cmpuint (strlen (cut), <=, 240);
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_true (g_str_has_suffix (cut, "长.pdf"));
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "bad") && g_str_has_suffix (invalid, ".pdf"));
  g_assert_cmpstr (climbing, ==, "_.._x.pdf");
}

/* What a document cannot take is left out of a text: invalid UTF-8
 * becomes U+FFFD; controls but tab and line breaks, and noncharacters,
 * go. */
static void
test_document_text (void)
{
  g_autofree char *clean = ledger_document_text_clean ("a\x01" "b\xef\xbf\xbe\tc\n<&>\xff\xef\xb7\x90");

  g_assert_true (ledger_document_text_is_clean ("长治 <w:p> & ]]> --\t\n"));
  g_assert_false (ledger_document_text_is_clean ("a\x01"));
  g_assert_false (ledger_document_text_is_clean ("a\xef\xbf\xbe"));
  g_assert_false (ledger_document_text_is_clean ("a\xff"));
  g_assert_cmpstr (clean, ==, "ab\tc\n<&>\xef\xbf\xbd");
  g_assert_true (ledger_document_text_is_clean (clean));
}

/* A backup carries the files; restored, they are the same bytes. */
static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerAttachment) photo = attach (fixture, fixture->photo);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.sqlite3", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "restored.jpg", NULL);
  g_autofree char *safety = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  if (test_skip_on_server ("restoring a backup is the server administrator's business"))
    return;
  g_assert_true (ledger_store_backup_to (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_store_remove_attachment (fixture->store, ledger_attachment_get_uuid (photo), &error));
  g_assert_true (ledger_store_restore_from (fixture->store, backup, &safety, &error));
  g_assert_no_error (error);

  attachments = ledger_store_list_attachments (fixture->store, fixture->jobs, NULL, &error);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_true (ledger_store_save_attachment (fixture->store, g_ptr_array_index (attachments, 0), out, &error));
  written = sha256_of_file (out);
  g_assert_cmpstr (written, ==, ledger_attachment_get_sha256 (photo));
}

/* Bytes that no longer match their SHA-256, or a link to bytes that are
 * gone, are problems of the check. */
static void
test_check_finds_damage (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerAttachment) photo = attach (fixture, fixture->photo);
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (test_skip_on_server ("damages the SQLite file itself"))
    return;
  g_assert_true (ledger_store_check (fixture->store, report));
  g_clear_object (&fixture->store);
  sql = g_strdup_printf ("UPDATE attachment_blobs SET content = zeroblob (300000) WHERE sha256 = '%s';"
                         "INSERT INTO attachments (uuid, indicator_id, period, name, sha256, added_at) "
                         "VALUES ('u-1', %" G_GINT64_FORMAT ", '2026-05', 'lost.pdf', '%064d', 'now');",
                         ledger_attachment_get_sha256 (photo), fixture->jobs, 0);
  test_exec_sql (fixture->path, sql);

  store = ledger_store_open_full (fixture->path, LEDGER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_store_check (store, report));
  g_assert_nonnull (strstr (report->str, "does not match its SHA-256"));
  g_assert_nonnull (strstr (report->str, ledger_attachment_get_sha256 (photo)));
  g_assert_nonnull (strstr (report->str, "attachments row"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/attachments/add-and-dedupe", test_add_and_dedupe);
  ADD ("/attachments/refused", test_refused);
  ADD ("/attachments/remove-and-undo", test_remove_and_undo);
  ADD ("/attachments/backup-and-restore", test_backup_and_restore);
  ADD ("/attachments/check-finds-damage", test_check_finds_damage);
  ADD ("/attachments/closed-and-hostile", test_closed_and_hostile);
#undef ADD
  g_test_add_func ("/attachments/safe-name", test_safe_name);
  g_test_add_func ("/attachments/document-text", test_document_text);

  return g_test_run ();
}
