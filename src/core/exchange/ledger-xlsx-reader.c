/* ledger-xlsx-reader.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-xlsx-reader"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "ledger-json.h"
#include "ledger-sheet-private.h"
#include "ledger-xlsx-reader.h"

/* One worksheet of an XLSX workbook (docs/xlsx-import.md). The workbook is
 * a zip read from memory with libarchive; each part of it is streamed
 * through libxml2's xmlTextReader, without a DTD, entities or the network,
 * and stops at the first limit it passes: the part's unpacked size and
 * ratio, the XML's depth, the rows, columns, shared texts and merges. */

#define MIB (1024 * 1024)

#define RELATIONSHIPS_NS        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define STRICT_RELATIONSHIPS_NS "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* The last date a workbook can hold: 9999-12-31. */
#define LAST_SERIAL_DAY 2958465.0

/* ---- A part of the zip, streamed ---- */

typedef struct
{
  struct archive *archive;
  const char     *name;
  gsize           packed_size;   /* of the whole file */
  gsize           unpacked;      /* of the part, read so far */
  GError         *error;         /* why reading stopped */
} XlsxPart;

static void
xlsx_part_clear (XlsxPart *part)
{
  g_clear_pointer (&part->archive, archive_read_free);
  g_clear_error (&part->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XlsxPart, xlsx_part_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

static void
set_not_a_zip (GError **error)
{
  g_set_error_literal (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                       _("The workbook cannot be read: it is not a ZIP archive, or it is damaged"));
}

/* Finds @name in the zip @data: TRUE with part->archive at its data, or
 * NULL if the zip has no such member; FALSE if the zip cannot be read. */
static gboolean
xlsx_part_open (XlsxPart    *part,
                GBytes      *data,
                const char  *name,
                GError     **error)
{
  struct archive_entry *entry;
  gsize size = 0;
  const void *bytes = g_bytes_get_data (data, &size);
  int status;

  part->name = name;
  part->packed_size = size;
  part->archive = archive_read_new ();
  /* The central directory, at the end: a truncated file is refused. */
  archive_read_support_format_zip_seekable (part->archive);
  if (archive_read_open_memory (part->archive, bytes, size) != ARCHIVE_OK)
    {
      set_not_a_zip (error);
      return FALSE;
    }
  while ((status = archive_read_next_header (part->archive, &entry)) == ARCHIVE_OK ||
         status == ARCHIVE_WARN)
    {
      if (g_strcmp0 (archive_entry_pathname (entry), name) != 0)
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error_literal (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                               _("The workbook cannot be read: it is protected by a password"));
          return FALSE;
        }
      return TRUE;
    }
  if (status != ARCHIVE_EOF)
    {
      set_not_a_zip (error);
      return FALSE;
    }
  g_clear_pointer (&part->archive, archive_read_free);
  return TRUE;
}

/* Whether the part, @unpacked bytes so far, is past a limit: then @error
 * says which. */
static gboolean
xlsx_part_over_limit (XlsxPart  *part,
                      GError   **error)
{
  if (part->unpacked > LEDGER_XLSX_MAX_PART_SIZE)
    g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE,
                 _("The workbook cannot be read: %s unpacks to more than %u MiB"),
                 part->name, (guint) (LEDGER_XLSX_MAX_PART_SIZE / MIB));
  else if (part->unpacked > LEDGER_XLSX_RATIO_FLOOR &&
           part->unpacked / LEDGER_XLSX_MAX_RATIO > part->packed_size)
    g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE,
                 _("The workbook cannot be read: %s unpacks to more than %u times the size of the file"),
                 part->name, (guint) LEDGER_XLSX_MAX_RATIO);
  else
    return FALSE;
  return TRUE;
}

/* libxml2's input: the part's bytes, or -1 past a limit or damage. */
static int
xlsx_part_read (void *context,
                char *buffer,
                int   length)
{
  XlsxPart *part = context;
  la_ssize_t n;

  if (part->error != NULL)
    return -1;
  n = archive_read_data (part->archive, buffer, (size_t) length);
  if (n < 0)
    {
      const char *why = archive_error_string (part->archive);

      g_set_error (&part->error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                   _("The workbook cannot be read: %s is damaged (%s)"), part->name,
                   why != NULL ? why : "?");
      return -1;
    }
  part->unpacked += (gsize) n;
  if (xlsx_part_over_limit (part, &part->error))
    return -1;
  return (int) n;
}

static int
xlsx_part_close (void *context)
{
  (void) context;
  return 0;
}

/* ---- Its XML, walked ---- */

/* Called on each element's start and end (an empty element's too) and on
 * its text; @name is the element's local name, @value the text. */
typedef gboolean (*XlsxVisit) (xmlTextReaderPtr   reader,
                               int                type,
                               const char        *name,
                               const char        *value,
                               gpointer           user_data,
                               GError           **error);

typedef struct
{
  char *message;
  int   line;
} XmlProblem;

static void
note_xml_problem (void                   *arg,
                  const char             *message,
                  xmlParserSeverities     severity,
                  xmlTextReaderLocatorPtr locator)
{
  XmlProblem *problem = arg;

  if (problem->message != NULL || severity == XML_PARSER_SEVERITY_WARNING ||
      severity == XML_PARSER_SEVERITY_VALIDITY_WARNING)
    return;
  problem->message = g_strchomp (g_strdup (message));
  problem->line = xmlTextReaderLocatorLineNumber (locator);
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* One node to @visit, or FALSE with @error set for what a workbook never
 * holds: a DTD, or nesting past the limit. */
static gboolean
visit_node (xmlTextReaderPtr   reader,
            const char        *part_name,
            XlsxVisit          visit,
            gpointer           user_data,
            GError           **error)
{
  int type = xmlTextReaderNodeType (reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  const char *value = NULL;

  if (type == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                   _("The workbook cannot be read: %s declares a document type"), part_name);
      return FALSE;
    }
  if (xmlTextReaderDepth (reader) > LEDGER_XLSX_MAX_DEPTH)
    {
      g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                   _("The workbook cannot be read: %s is nested more than %d levels deep"),
                   part_name, LEDGER_XLSX_MAX_DEPTH);
      return FALSE;
    }
  if (is_text_node (type))
    value = (const char *) xmlTextReaderConstValue (reader);
  else if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
    return TRUE;
  if (!visit (reader, type, name, value, user_data, error))
    return FALSE;
  if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader))
    return visit (reader, XML_READER_TYPE_END_ELEMENT, name, NULL, user_data, error);
  return TRUE;
}

static gboolean
walk_part (XlsxPart          *part,
           XlsxVisit          visit,
           gpointer           user_data,
           GError           **error)
{
  g_autoptr(xmlTextReader) reader = NULL;
  XmlProblem problem = { NULL, 0 };
  g_autofree char *message = NULL;
  int status;

  reader = xmlReaderForIO (xlsx_part_read, xlsx_part_close, part, part->name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      set_not_a_zip (error);
      return FALSE;
    }
  xmlTextReaderSetErrorHandler (reader, note_xml_problem, &problem);
  while ((status = xmlTextReaderRead (reader)) == 1)
    if (!visit_node (reader, part->name, visit, user_data, error))
      {
        g_free (problem.message);
        return FALSE;
      }
  message = problem.message;
  if (status == 0 && message == NULL && part->error == NULL)
    return TRUE;
  if (part->error != NULL)
    g_propagate_error (error, g_steal_pointer (&part->error));
  else
    g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                 _("The workbook cannot be read: %s, line %d: %s"), part->name, problem.line,
                 message != NULL ? message : "?");
  return FALSE;
}

/* Reads the member @name of the workbook @data through @visit. A member
 * that is not there is an error if @required, else nothing to visit. */
static gboolean
read_part (GBytes      *data,
           const char  *name,
           gboolean     required,
           XlsxVisit    visit,
           gpointer     user_data,
           GError     **error)
{
  g_auto(XlsxPart) part = { NULL, NULL, 0, 0, NULL };

  if (!xlsx_part_open (&part, data, name, error))
    return FALSE;
  if (part.archive != NULL)
    return walk_part (&part, visit, user_data, error);
  if (required)
    g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                 _("The workbook cannot be read: it has no %s"), name);
  return !required;
}

static char *
attribute (xmlTextReaderPtr  reader,
           const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static guint
attribute_uint (xmlTextReaderPtr  reader,
                const char       *name,
                guint             fallback)
{
  g_autofree char *text = attribute (reader, name);
  guint64 number = fallback;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, NULL))
    return fallback;
  return (guint) number;
}

/* ---- The workbook: its sheets and where they are ---- */

typedef struct
{
  GPtrArray  *names;     /* char *, in order */
  GPtrArray  *ids;       /* char *, the relationship of each */
  GHashTable *targets;   /* relationship → part */
  gboolean    date1904;
} XlsxBook;

static void
xlsx_book_clear (XlsxBook *book)
{
  g_clear_pointer (&book->names, g_ptr_array_unref);
  g_clear_pointer (&book->ids, g_ptr_array_unref);
  g_clear_pointer (&book->targets, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XlsxBook, xlsx_book_clear)

static char *
relationship_id (xmlTextReaderPtr reader)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                (const xmlChar *) RELATIONSHIPS_NS);
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                         (const xmlChar *) STRICT_RELATIONSHIPS_NS);
  copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);
  return copy;
}

static gboolean
visit_workbook (xmlTextReaderPtr   reader,
                int                type,
                const char        *name,
                const char        *value,
                gpointer           user_data,
                GError           **error)
{
  XlsxBook *book = user_data;

  (void) value;
  (void) error;
  if (type != XML_READER_TYPE_ELEMENT)
    return TRUE;
  if (g_str_equal (name, "sheet"))
    {
      char *sheet_name = attribute (reader, "name");

      g_ptr_array_add (book->names, sheet_name != NULL ? sheet_name : g_strdup (""));
      g_ptr_array_add (book->ids, relationship_id (reader));
    }
  else if (g_str_equal (name, "workbookPr"))
    {
      g_autofree char *date1904 = attribute (reader, "date1904");

      book->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
    }
  return TRUE;
}

/* A relationship's target as a path in the zip: relative to xl/, or from
 * the top if it starts with a slash. */
static char *
part_path (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

static gboolean
visit_relationships (xmlTextReaderPtr   reader,
                     int                type,
                     const char        *name,
                     const char        *value,
                     gpointer           user_data,
                     GError           **error)
{
  XlsxBook *book = user_data;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;

  (void) value;
  (void) error;
  if (type != XML_READER_TYPE_ELEMENT || !g_str_equal (name, "Relationship"))
    return TRUE;
  id = attribute (reader, "Id");
  target = attribute (reader, "Target");
  if (id != NULL && target != NULL)
    g_hash_table_replace (book->targets, g_steal_pointer (&id), part_path (target));
  return TRUE;
}

static gboolean
read_book (GBytes    *data,
           XlsxBook  *book,
           GError   **error)
{
  book->names = g_ptr_array_new_with_free_func (g_free);
  book->ids = g_ptr_array_new_with_free_func (g_free);
  book->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!read_part (data, "xl/workbook.xml", TRUE, visit_workbook, book, error) ||
      !read_part (data, "xl/_rels/workbook.xml.rels", TRUE, visit_relationships, book, error))
    return FALSE;
  if (book->names->len == 0)
    {
      g_set_error_literal (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                           _("The workbook cannot be read: it has no sheets"));
      return FALSE;
    }
  g_ptr_array_add (book->names, NULL);
  return TRUE;
}

/* The index of the sheet @sheet_name (NULL: the first), or -1 with @error
 * naming the sheets there are. */
static int
find_sheet (XlsxBook    *book,
            const char  *sheet_name,
            GError     **error)
{
  g_autoptr(GString) known = g_string_new (NULL);

  if (sheet_name == NULL)
    return 0;
  for (guint i = 0; i < book->ids->len; i++)
    {
      const char *name = g_ptr_array_index (book->names, i);

      if (g_str_equal (name, sheet_name))
        return (int) i;
      g_string_append_printf (known, i > 0 ? ", “%s”" : "“%s”", name);
    }
  g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_NO_SHEET,
               _("The workbook has no sheet “%s”; its sheets are %s"), sheet_name, known->str);
  return -1;
}

/* ---- Styles: which cell formats show a date ---- */

typedef struct
{
  GHashTable *date_formats;   /* numFmtId of a custom date format */
  GByteArray *xf_is_date;     /* one for each cell format */
  gboolean    in_cell_xfs;
} XlsxStyles;

static gboolean
builtin_format_is_date (guint id)
{
  /* 14–22 and 45–47 everywhere; 27–36 and 50–58 are the dates of the
   * Chinese, Japanese and Korean versions. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

/* Whether a format code shows a date: a y, m or d outside quoted text,
 * escaped characters and [brackets]. */
static gboolean
format_code_is_date (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        if ((p = strchr (p + 1, '"')) == NULL)
          return FALSE;
        break;
      case '[':
        if ((p = strchr (p, ']')) == NULL)
          return FALSE;
        break;
      case '\\':
      case '_':
      case '*':
        if (p[1] == '\0')
          return FALSE;
        p++;
        break;
      case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D':
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

static gboolean
visit_styles (xmlTextReaderPtr   reader,
              int                type,
              const char        *name,
              const char        *value,
              gpointer           user_data,
              GError           **error)
{
  XlsxStyles *styles = user_data;

  (void) value;
  (void) error;
  if (g_str_equal (name, "cellXfs"))
    styles->in_cell_xfs = type == XML_READER_TYPE_ELEMENT;
  else if (type != XML_READER_TYPE_ELEMENT)
    return TRUE;
  else if (g_str_equal (name, "numFmt"))
    {
      g_autofree char *code = attribute (reader, "formatCode");
      guint id = attribute_uint (reader, "numFmtId", 0);

      if (code != NULL && format_code_is_date (code))
        g_hash_table_add (styles->date_formats, GUINT_TO_POINTER (id));
    }
  else if (g_str_equal (name, "xf") && styles->in_cell_xfs)
    {
      guint id = attribute_uint (reader, "numFmtId", 0);
      guint8 is_date = builtin_format_is_date (id) ||
                       g_hash_table_contains (styles->date_formats, GUINT_TO_POINTER (id));

      g_byte_array_append (styles->xf_is_date, &is_date, 1);
    }
  return TRUE;
}

static GByteArray *
read_date_styles (GBytes  *data,
                  GError **error)
{
  g_autoptr(GHashTable) date_formats = g_hash_table_new (NULL, NULL);
  g_autoptr(GByteArray) xf_is_date = g_byte_array_new ();
  XlsxStyles styles = { date_formats, xf_is_date, FALSE };

  if (!read_part (data, "xl/styles.xml", FALSE, visit_styles, &styles, error))
    return NULL;
  return g_steal_pointer (&xf_is_date);
}

/* ---- Text: shared strings, inline strings, rich text runs ---- */

typedef struct
{
  GString  *text;
  gboolean  in_text;
  gboolean  in_phonetic;   /* a run of phonetic guide, not shown */
} XlsxText;

static void
xlsx_text_visit (XlsxText   *self,
                 int         type,
                 const char *name,
                 const char *value)
{
  if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT)
    {
      gboolean start = type == XML_READER_TYPE_ELEMENT;

      if (g_str_equal (name, "t"))
        self->in_text = start;
      else if (g_str_equal (name, "rPh"))
        self->in_phonetic = start;
    }
  else if (self->in_text && !self->in_phonetic)
    g_string_append (self->text, value);
}

/* The text read so far, with the escapes of characters XML cannot hold
 * (_x000D_) undone; the text starts again empty. */
static char *
xlsx_text_take (XlsxText *self)
{
  GString *out = g_string_sized_new (self->text->len);
  const char *p = self->text->str;

  while (*p != '\0')
    {
      guint64 code = 0;
      char hex[5] = { 0 };

      if (p[0] == '_' && p[1] == 'x' && strlen (p) >= 7 && p[6] == '_' &&
          (memcpy (hex, p + 2, 4), g_ascii_string_to_unsigned (hex, 16, 1, 0xFFFF, &code, NULL)) &&
          g_unichar_validate ((gunichar) code))
        {
          g_string_append_unichar (out, (gunichar) code);
          p += 7;
        }
      else
        g_string_append_c (out, *p++);
    }
  g_string_truncate (self->text, 0);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GPtrArray *strings;
  XlsxText   text;
} XlsxSharedStrings;

static gboolean
visit_shared_strings (xmlTextReaderPtr   reader,
                      int                type,
                      const char        *name,
                      const char        *value,
                      gpointer           user_data,
                      GError           **error)
{
  XlsxSharedStrings *shared = user_data;

  (void) reader;
  if (type != XML_READER_TYPE_END_ELEMENT || !g_str_equal (name, "si"))
    {
      xlsx_text_visit (&shared->text, type, name, value);
      return TRUE;
    }
  if (shared->strings->len >= LEDGER_XLSX_MAX_SHARED_STRINGS)
    {
      g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE,
                   _("The workbook cannot be read: it has more than %u shared texts"),
                   (guint) LEDGER_XLSX_MAX_SHARED_STRINGS);
      return FALSE;
    }
  g_ptr_array_add (shared->strings, xlsx_text_take (&shared->text));
  return TRUE;
}

static GPtrArray *
read_shared_strings (GBytes  *data,
                     GError **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  XlsxSharedStrings shared = { strings, { text, FALSE, FALSE } };

  if (!read_part (data, "xl/sharedStrings.xml", FALSE, visit_shared_strings, &shared, error))
    return NULL;
  return g_steal_pointer (&strings);
}

/* ---- The worksheet ---- */

typedef struct
{
  LedgerSheet *sheet;
  GPtrArray   *strings;      /* shared */
  GByteArray  *xf_is_date;
  gboolean     date1904;
  GPtrArray   *no_cells;     /* of the rows the sheet leaves out */

  guint        row_number;   /* the row being read, 0 between rows */
  guint        last_row;     /* the row appended last */
  GPtrArray   *cells;        /* of the row being read */
  GByteArray  *kinds;

  gboolean     in_cell;
  gboolean     in_value;
  guint        column;       /* of the cell being read, then the next */
  char        *type;         /* its t attribute */
  guint        style;
  GString     *value;
  XlsxText     text;         /* an inline string */

  guint        n_merges;
  gsize        merged_columns;
} SheetReader;

static void
sheet_reader_clear (SheetReader *self)
{
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->xf_is_date, g_byte_array_unref);
  g_clear_pointer (&self->no_cells, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_byte_array_unref);
  g_clear_pointer (&self->type, g_free);
  if (self->value != NULL)
    g_string_free (self->value, TRUE);
  if (self->text.text != NULL)
    g_string_free (self->text.text, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetReader, sheet_reader_clear)

/* A cell reference such as "C7" or "$C$7": its column from 0, its row
 * from 1. */
static gboolean
parse_cell_ref (const char *ref,
                guint      *column,
                guint      *row)
{
  guint letters = 0, value = 0;
  guint64 number = 0;

  if (*ref == '$')
    ref++;
  for (; g_ascii_isalpha (*ref) && letters < 3; ref++, letters++)
    value = value * 26 + (guint) (g_ascii_toupper (*ref) - 'A' + 1);
  if (letters == 0)
    return FALSE;
  if (*ref == '$')
    ref++;
  if (!g_ascii_string_to_unsigned (ref, 10, 1, G_MAXUINT, &number, NULL))
    return FALSE;
  *column = value - 1;
  *row = (guint) number;
  return TRUE;
}

static char *
cell_name (guint column,
           guint row)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  for (guint n = column + 1; n > 0 && i > 0; n = (n - 1) / 26)
    letters[--i] = (char) ('A' + (n - 1) % 26);
  return g_strdup_printf ("%s%u", letters + i, row);
}

static gboolean
row_start (SheetReader       *self,
           xmlTextReaderPtr   reader,
           GError           **error)
{
  guint number = attribute_uint (reader, "r", self->last_row + 1);

  if (number <= self->last_row)
    {
      g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                   _("The workbook cannot be read: row %u comes after row %u"), number,
                   self->last_row);
      return FALSE;
    }
  if (number > LEDGER_SHEET_MAX_ROWS)
    return ledger_sheet_refuse_row (number, error);
  /* The rows left out are empty: the sheet's rows keep their numbers. */
  for (guint gap = self->last_row + 1; gap < number; gap++)
    if (!ledger_sheet_append_row (self->sheet, gap, self->no_cells, NULL, error))
      return FALSE;
  self->last_row = number - 1;
  self->row_number = number;
  self->column = 0;
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->kinds = g_byte_array_new ();
  return TRUE;
}

static gboolean
row_end (SheetReader  *self,
         GError      **error)
{
  g_autoptr(GPtrArray) cells = g_steal_pointer (&self->cells);
  g_autoptr(GByteArray) kinds = g_steal_pointer (&self->kinds);
  guint number = self->row_number;

  self->row_number = 0;
  self->last_row = number;
  return ledger_sheet_append_row (self->sheet, number, cells, kinds->data, error);
}

static void
cell_start (SheetReader      *self,
            xmlTextReaderPtr  reader)
{
  g_autofree char *ref = attribute (reader, "r");
  guint row = 0;

  if (ref != NULL)
    parse_cell_ref (ref, &self->column, &row);
  g_free (self->type);
  self->type = attribute (reader, "t");
  self->style = attribute_uint (reader, "s", 0);
  self->in_cell = TRUE;
  g_string_truncate (self->value, 0);
  g_string_truncate (self->text.text, 0);
}

/* A serial day of the workbook's calendar as "YYYY-MM-DD", or NULL if
 * out of range. The 1900 calendar counts a 29 February 1900. */
static char *
serial_date (double   serial,
             gboolean date1904)
{
  double days = floor (serial);
  GDate date;

  if (days < (date1904 ? 0 : 1) || days > LAST_SERIAL_DAY)
    return NULL;
  if (date1904)
    g_date_set_dmy (&date, 1, 1, 1904);
  else if (days < 60)
    g_date_set_dmy (&date, 31, 12, 1899);
  else
    g_date_set_dmy (&date, 30, 12, 1899);
  g_date_add_days (&date, (guint) days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
style_is_date (SheetReader *self)
{
  return self->style < self->xf_is_date->len && self->xf_is_date->data[self->style];
}

/* A number cell: its shortest text, or a date if its format shows one. */
static char *
number_text (SheetReader         *self,
             const char          *value,
             LedgerSheetCellKind *kind)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);
  char *date;
  GString *text;

  if (end == value || *end != '\0' || !isfinite (number))
    return g_strdup (value);
  if (style_is_date (self) && (date = serial_date (number, self->date1904)) != NULL)
    {
      *kind = LEDGER_SHEET_CELL_DATE;
      return date;
    }
  *kind = LEDGER_SHEET_CELL_NUMBER;
  text = g_string_new (NULL);
  ledger_json_append_number (text, number);
  return g_string_free (text, FALSE);
}

static gboolean
looks_like_iso_date (const char *text)
{
  return strlen (text) >= 10 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3]) &&
         text[4] == '-' && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) &&
         text[7] == '-' && g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]);
}

static char *
shared_text (SheetReader  *self,
             GError      **error)
{
  guint64 index = 0;
  g_autofree char *name = NULL;

  if (g_ascii_string_to_unsigned (self->value->str, 10, 0, G_MAXUINT, &index, NULL) &&
      index < self->strings->len)
    return g_strdup (g_ptr_array_index (self->strings, index));
  name = cell_name (self->column, self->row_number);
  g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
               _("The workbook cannot be read: cell %s refers to a shared text that is not there"),
               name);
  return NULL;
}

/* The text of the cell just read by its type, and its kind; NULL with
 * @error set for a shared text that is not there. */
static char *
cell_text (SheetReader          *self,
           LedgerSheetCellKind  *kind,
           GError              **error)
{
  const char *type = self->type != NULL ? self->type : "n";
  const char *value = self->value->str;

  *kind = LEDGER_SHEET_CELL_TEXT;
  if (g_str_equal (type, "inlineStr"))
    return xlsx_text_take (&self->text);
  if (*value == '\0')
    return g_strdup ("");
  if (g_str_equal (type, "s"))
    return shared_text (self, error);
  if (g_str_equal (type, "b"))
    return g_strdup (g_str_equal (value, "0") ? "FALSE" : "TRUE");
  if (g_str_equal (type, "d") && looks_like_iso_date (value))
    {
      *kind = LEDGER_SHEET_CELL_DATE;
      return g_strndup (value, 10);
    }
  if (g_str_equal (type, "n"))
    return number_text (self, value, kind);
  return g_strdup (value);
}

static gboolean
cell_end (SheetReader  *self,
          GError      **error)
{
  LedgerSheetCellKind kind = LEDGER_SHEET_CELL_EMPTY;
  g_autofree char *text = cell_text (self, &kind, error);
  guint column = self->column++;
  guint8 kind_byte;

  self->in_cell = FALSE;
  if (text == NULL)
    return FALSE;
  if (*text == '\0')
    return TRUE;
  if (column >= LEDGER_SHEET_MAX_COLUMNS)
    return ledger_sheet_refuse_columns (self->row_number, error);
  while (self->cells->len <= column)
    {
      guint8 empty = LEDGER_SHEET_CELL_EMPTY;

      g_ptr_array_add (self->cells, NULL);
      g_byte_array_append (self->kinds, &empty, 1);
    }
  g_free (g_ptr_array_index (self->cells, column));
  g_ptr_array_index (self->cells, column) = g_steal_pointer (&text);
  kind_byte = (guint8) kind;
  self->kinds->data[column] = kind_byte;
  return TRUE;
}

/* A merged range such as "A3:A9", inside the sheet's limits. */
static gboolean
merge_add (SheetReader       *self,
           xmlTextReaderPtr   reader,
           GError           **error)
{
  g_autofree char *ref = attribute (reader, "ref");
  g_auto(GStrv) corners = g_strsplit (ref != NULL ? ref : "", ":", 2);
  guint first_column, first_row, last_column, last_row;

  if (g_strv_length (corners) != 2 ||
      !parse_cell_ref (corners[0], &first_column, &first_row) ||
      !parse_cell_ref (corners[1], &last_column, &last_row) ||
      first_row > last_row || first_column > last_column ||
      first_row > LEDGER_SHEET_MAX_ROWS || first_column >= LEDGER_SHEET_MAX_COLUMNS)
    return TRUE;
  last_row = MIN (last_row, LEDGER_SHEET_MAX_ROWS);
  last_column = MIN (last_column, LEDGER_SHEET_MAX_COLUMNS - 1);
  self->merged_columns += last_column - first_column + 1;
  if (self->merged_columns > LEDGER_XLSX_MAX_MERGED_COLUMNS)
    {
      g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE,
                   _("The workbook cannot be read: it merges more than %u cells across"),
                   (guint) LEDGER_XLSX_MAX_MERGED_COLUMNS);
      return FALSE;
    }
  ledger_sheet_add_merge (self->sheet, first_row - 1, first_column, last_row - 1, last_column);
  return TRUE;
}

static gboolean
sheet_element_start (SheetReader       *self,
                     xmlTextReaderPtr   reader,
                     const char        *name,
                     GError           **error)
{
  if (g_str_equal (name, "row"))
    return self->row_number == 0 ? row_start (self, reader, error) : TRUE;
  if (g_str_equal (name, "mergeCell"))
    return merge_add (self, reader, error);
  if (self->row_number == 0)
    return TRUE;
  if (g_str_equal (name, "c"))
    cell_start (self, reader);
  else if (g_str_equal (name, "v"))
    self->in_value = self->in_cell;
  else if (self->in_cell)
    xlsx_text_visit (&self->text, XML_READER_TYPE_ELEMENT, name, NULL);
  return TRUE;
}

static gboolean
sheet_element_end (SheetReader  *self,
                   const char   *name,
                   GError      **error)
{
  if (self->row_number == 0)
    return TRUE;
  if (g_str_equal (name, "row"))
    return row_end (self, error);
  if (g_str_equal (name, "c"))
    return self->in_cell ? cell_end (self, error) : TRUE;
  if (g_str_equal (name, "v"))
    self->in_value = FALSE;
  else if (self->in_cell)
    xlsx_text_visit (&self->text, XML_READER_TYPE_END_ELEMENT, name, NULL);
  return TRUE;
}

static gboolean
visit_sheet (xmlTextReaderPtr   reader,
             int                type,
             const char        *name,
             const char        *value,
             gpointer           user_data,
             GError           **error)
{
  SheetReader *self = user_data;

  if (type == XML_READER_TYPE_ELEMENT)
    return sheet_element_start (self, reader, name, error);
  if (type == XML_READER_TYPE_END_ELEMENT)
    return sheet_element_end (self, name, error);
  if (self->in_value)
    g_string_append (self->value, value);
  else if (self->in_cell)
    xlsx_text_visit (&self->text, type, name, value);
  return TRUE;
}

/* ---- The whole ---- */

/* The worksheet @sheet_name (NULL: the first) of the XLSX workbook @data. */
LedgerSheet *
ledger_xlsx_read_sheet (GBytes      *data,
                        const char  *sheet_name,
                        GError     **error)
{
  g_auto(XlsxBook) book = { NULL, NULL, NULL, FALSE };
  g_auto(SheetReader) reader = { 0 };
  const char *target;
  int index;

  g_return_val_if_fail (data != NULL, NULL);

  xmlInitParser ();
  if (!read_book (data, &book, error) || (index = find_sheet (&book, sheet_name, error)) < 0)
    return NULL;
  target = g_hash_table_lookup (book.targets, g_ptr_array_index (book.ids, index));
  if (target == NULL)
    {
      g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED,
                   _("The workbook cannot be read: the sheet “%s” is not in it"),
                   (const char *) g_ptr_array_index (book.names, index));
      return NULL;
    }
  if ((reader.xf_is_date = read_date_styles (data, error)) == NULL ||
      (reader.strings = read_shared_strings (data, error)) == NULL)
    return NULL;
  reader.sheet = ledger_sheet_new_empty (LEDGER_SHEET_XLSX, g_ptr_array_index (book.names, index),
                                         (const char * const *) book.names->pdata);
  reader.date1904 = book.date1904;
  reader.no_cells = g_ptr_array_new ();
  reader.value = g_string_new (NULL);
  reader.text.text = g_string_new (NULL);
  if (!read_part (data, target, TRUE, visit_sheet, &reader, error))
    return NULL;
  return g_steal_pointer (&reader.sheet);
}
