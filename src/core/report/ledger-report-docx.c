/* ledger-report-docx.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-docx"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-document-text.h"
#include "ledger-report-private.h"
#include "ledger-report-resources.h"

/* The report as a Word document (Office Open XML), for the office to edit
 * into its 通报: the same blocks as the PDF, told by their words
 * (LedgerReportWords) rather than drawn. Headings are Word's heading
 * styles, tables Word's tables, the rest paragraphs in the styles of the
 * template (docx/ in the GResource: A4, GB/T 9704's margins, fonts and
 * page numbers). The charts are pictures and are left out. The package
 * is a zip written with libarchive. */

#define DOCX_TEMPLATE RESOURCE_PREFIX "/report/docx/"
/* The width of the text between the template's margins, in twentieths of
 * a point: A4's 11906 less 1588 and 1474. */
#define TEXT_WIDTH 8844
#define BAND_FILL "EDEFF2"
#define ACCENT "A61C2E"

typedef struct
{
  GString  *body;
  guint     n_columns;   /* of the open table, or 0 */
  gboolean  new_page;    /* the next paragraph or table starts a page */
} Docx;

/* ---- text ----------------------------------------------------------- */

/* What XML has no place for is dropped (ledger_document_text_clean());
 * a line break is Word's. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *clean = ledger_document_text_is_clean (text) ? NULL : ledger_document_text_clean (text);

  for (const char *p = clean != NULL ? clean : text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "</w:t><w:br/><w:t xml:space=\"preserve\">"); break;
        case '\t': g_string_append (out, "</w:t><w:tab/><w:t xml:space=\"preserve\">"); break;
        default:
          if ((guchar) *p >= 0x20 || *p == '\r')
            g_string_append_c (out, *p == '\r' ? ' ' : *p);
        }
    }
}

/* @text for a document property (the title): plain XML, no Word runs. */
static char *
escape (const char *text)
{
  g_autofree char *clean = ledger_document_text_clean (text);

  return g_markup_escape_text (clean, -1);
}

/* A paragraph of one run in @style, centred if @center, its words in
 * @color (hex, or NULL for the style's) and bold if @color is given. */
static void
add_paragraph (Docx       *docx,
               const char *style,
               const char *text,
               gboolean    center,
               const char *color)
{
  GString *body = docx->body;

  g_string_append_printf (body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
  if (docx->new_page)
    g_string_append (body, "<w:pageBreakBefore/>");
  if (center)
    g_string_append (body, "<w:jc w:val=\"center\"/>");
  g_string_append (body, "</w:pPr><w:r>");
  if (color != NULL)
    g_string_append_printf (body, "<w:rPr><w:b/><w:color w:val=\"%s\"/></w:rPr>", color);
  g_string_append (body, "<w:t xml:space=\"preserve\">");
  append_text (body, text);
  g_string_append (body, "</w:t></w:r></w:p>");
  docx->new_page = FALSE;
}

/* ---- tables --------------------------------------------------------- */

static void
close_table (Docx *docx)
{
  if (docx->n_columns == 0)
    return;
  g_string_append (docx->body, "</w:tbl>");
  docx->n_columns = 0;
}

static int
column_width (const LedgerReportCellText *column)
{
  return (int) (column->share * TEXT_WIDTH);
}

static void
open_table (Docx                       *docx,
            const LedgerReportCellText *columns,
            guint                       n_columns)
{
  GString *body = docx->body;

  close_table (docx);
  /* A table cannot start a page itself: an empty paragraph does. */
  if (docx->new_page)
    add_paragraph (docx, "TableText", "", FALSE, NULL);
  g_string_append (body, "<w:tbl><w:tblPr><w:tblStyle w:val=\"LedgerTable\"/>"
                         "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
                         "</w:tblPr><w:tblGrid>");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (body, "<w:gridCol w:w=\"%d\"/>", column_width (&columns[c]));
  g_string_append (body, "</w:tblGrid>");
  docx->n_columns = n_columns;
}

/* A row that is never split over two pages; a header row is repeated at
 * the top of each page the table runs onto. */
static void
open_row (Docx     *docx,
          gboolean  header)
{
  g_string_append_printf (docx->body, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
                          header ? "<w:tblHeader/>" : "");
}

static void
open_cell (Docx       *docx,
           int         width,
           guint       span,
           const char *fill)
{
  GString *body = docx->body;

  g_string_append_printf (body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
  if (span > 1)
    g_string_append_printf (body, "<w:gridSpan w:val=\"%u\"/>", span);
  if (fill != NULL)
    g_string_append_printf (body, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", fill);
  g_string_append (body, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

/* A cell: its text, a status as its word in the status's colour, and its
 * detail in small print under it. */
static void
add_cell (Docx                       *docx,
          const LedgerReportCellText *cell,
          const char                 *style,
          const char                 *fill)
{
  g_autofree char *color = cell->status >= 0 ? ledger_report_status_ink_hex (cell->status) : NULL;

  open_cell (docx, column_width (cell), 1, fill);
  add_paragraph (docx, style, cell->text, cell->status >= 0, color);
  if (cell->detail != NULL)
    add_paragraph (docx, "TableDetail", cell->detail, FALSE, NULL);
  g_string_append (docx->body, "</w:tc>");
}

/* ---- the words of the blocks --------------------------------------- */

static void
title_page (gpointer            user_data,
            const char * const *lines,
            const char         *footer)
{
  Docx *docx = user_data;
  g_auto(GStrv) footer_lines = g_strsplit (footer, "\n", -1);

  close_table (docx);
  if (lines[0][0] != '\0')
    add_paragraph (docx, "Subtitle", lines[0], FALSE, NULL);
  add_paragraph (docx, "Title", lines[1], FALSE, NULL);
  add_paragraph (docx, "Subtitle", lines[2], FALSE, NULL);
  add_paragraph (docx, "TitleNote", lines[3], FALSE, NULL);
  for (guint i = 0; footer_lines[i] != NULL; i++)
    add_paragraph (docx, i == 0 ? "TitleFooter" : "TitleNote", footer_lines[i], FALSE, NULL);
}

static const char *
style_of (LedgerReportFont font)
{
  switch (font)
    {
    case LEDGER_REPORT_FONT_TITLE: return "Title";
    case LEDGER_REPORT_FONT_SUBTITLE: return "Subtitle";
    case LEDGER_REPORT_FONT_HEADING: return "Heading1";
    case LEDGER_REPORT_FONT_SUBHEADING: return "Heading2";
    case LEDGER_REPORT_FONT_BODY: return "Normal";
    case LEDGER_REPORT_FONT_FIGURE: return "Figure";
    case LEDGER_REPORT_FONT_TABLE:
    case LEDGER_REPORT_FONT_TABLE_BOLD:
    case LEDGER_REPORT_FONT_SMALL:
    case LEDGER_REPORT_N_FONTS:
    default:
      return "Caption";
    }
}

static void
text (gpointer          user_data,
      LedgerReportFont  font,
      const char       *string)
{
  Docx *docx = user_data;

  close_table (docx);
  add_paragraph (docx, style_of (font), string, FALSE, NULL);
}

static void
add_row (Docx                       *docx,
         const LedgerReportCellText *cells,
         guint                       n_cells,
         gboolean                    header)
{
  open_row (docx, header);
  for (guint c = 0; c < n_cells; c++)
    add_cell (docx, &cells[c], header ? "TableHeading" : "TableText", header ? BAND_FILL : NULL);
  g_string_append (docx->body, "</w:tr>");
}

static void
table_header (gpointer                    user_data,
              const LedgerReportCellText *columns,
              guint                       n_columns)
{
  open_table (user_data, columns, n_columns);
  add_row (user_data, columns, n_columns, TRUE);
}

static void
table_row (gpointer                    user_data,
           const LedgerReportCellText *cells,
           guint                       n_cells)
{
  Docx *docx = user_data;

  g_return_if_fail (docx->n_columns == n_cells);
  add_row (docx, cells, n_cells, FALSE);
}

static void
table_group (gpointer    user_data,
             const char *title)
{
  Docx *docx = user_data;

  g_return_if_fail (docx->n_columns > 0);
  open_row (docx, FALSE);
  open_cell (docx, TEXT_WIDTH, docx->n_columns, BAND_FILL);
  add_paragraph (docx, "TableHeading", title, FALSE, ACCENT);
  g_string_append (docx->body, "</w:tc></w:tr>");
}

/* The summary's figures: a table of one row, each cell a figure in its
 * status's colour over its label. */
static void
figures (gpointer                    user_data,
         const LedgerReportCellText *cells,
         guint                       n_cells)
{
  Docx *docx = user_data;

  open_table (docx, cells, n_cells);
  open_row (docx, FALSE);
  for (guint c = 0; c < n_cells; c++)
    {
      g_autofree char *color = cells[c].status >= 0 ? ledger_report_status_ink_hex (cells[c].status)
                                                    : g_strdup (ACCENT);

      open_cell (docx, column_width (&cells[c]), 1, BAND_FILL);
      add_paragraph (docx, "Figure", cells[c].text, TRUE, color);
      add_paragraph (docx, "TableText", cells[c].detail, TRUE, NULL);
      g_string_append (docx->body, "</w:tc>");
    }
  g_string_append (docx->body, "</w:tr>");
  close_table (docx);
}

static const LedgerReportWords docx_words = {
  title_page, text, table_header, table_row, table_group, figures,
};

/* Returns: (transfer full): the document's body, in WordprocessingML */
static char *
body_of (GPtrArray *blocks)
{
  Docx docx = { g_string_new (NULL), 0, FALSE };

  for (guint i = 0; i < blocks->len; i++)
    {
      LedgerReportBlock *block = g_ptr_array_index (blocks, i);

      if (block->flags & LEDGER_REPORT_BLOCK_NEW_PAGE)
        docx.new_page = TRUE;
      if (block->say != NULL)
        block->say (block, &docx_words, &docx);
      /* What follows the title page starts a page of its own. */
      if (block->flags & LEDGER_REPORT_BLOCK_FULL_PAGE)
        docx.new_page = TRUE;
    }
  close_table (&docx);
  /* Word ends a document with a paragraph, after a table too. */
  docx.new_page = FALSE;
  add_paragraph (&docx, "Normal", "", FALSE, NULL);
  return g_string_free (docx.body, FALSE);
}

/* ---- the package ---------------------------------------------------- */

/* A part of the template with each @KEY@ of @values (key, escaped value,
 * … NULL) replaced, in one pass: a value is never read for keys. */
static GBytes *
expand_part (const char         *name,
             const char * const *values)
{
  g_autofree char *path = g_strconcat (DOCX_TEMPLATE, name, NULL);
  g_autoptr(GBytes) part = g_resource_lookup_data (ledger_report_resources_get_resource (), path, 0, NULL);
  const char *start, *end;
  GString *out;

  g_assert (part != NULL);
  if (values == NULL)
    return g_steal_pointer (&part);

  out = g_string_new (NULL);
  start = g_bytes_get_data (part, NULL);
  end = start + g_bytes_get_size (part);
  while (start < end)
    {
      const char *at = memchr (start, '@', end - start);
      gboolean replaced = FALSE;

      if (at == NULL)
        at = end;
      g_string_append_len (out, start, at - start);
      for (guint i = 0; at < end && values[i] != NULL && !replaced; i += 2)
        {
          gsize length = strlen (values[i]);

          if ((gsize) (end - at) >= length + 2 && strncmp (at + 1, values[i], length) == 0 && at[length + 1] == '@')
            {
              g_string_append (out, values[i + 1]);
              start = at + length + 2;
              replaced = TRUE;
            }
        }
      if (!replaced && at < end)
        g_string_append_c (out, '@'), start = at + 1;
      else if (!replaced)
        start = end;
    }
  return g_string_free_to_bytes (out);
}

static gboolean
set_archive_error (GError         **error,
                   struct archive  *archive)
{
  const char *reason = archive_error_string (archive);
  int saved_errno = archive_errno (archive);

  /* "No space left on device" says more than libarchive's "Write error". */
  if (saved_errno > 0)
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, reason != NULL ? reason : g_strerror (EIO));
  return FALSE;
}

static gboolean
add_part (struct archive  *archive,
          const char      *name,
          GBytes          *data,
          GDateTime       *date,
          GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_mtime (entry, g_date_time_to_unix (date), 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       archive_write_data (archive, bytes, size) == (la_ssize_t) size;
  archive_entry_free (entry);
  return ok || set_archive_error (error, archive);
}

typedef struct
{
  const char *name;      /* in the package */
  const char *template;  /* in the GResource */
} Part;

/* [Content_Types].xml first, as readers expect. */
static const Part parts[] = {
  { "[Content_Types].xml", "content-types.xml" },
  { "_rels/.rels", "rels.xml" },
  { "docProps/core.xml", "core.xml" },
  { "docProps/app.xml", "app.xml" },
  { "word/document.xml", "document.xml" },
  { "word/_rels/document.xml.rels", "document-rels.xml" },
  { "word/styles.xml", "styles.xml" },
  { "word/settings.xml", "settings.xml" },
  { "word/fontTable.xml", "font-table.xml" },
  { "word/footer1.xml", "footer-odd.xml" },
  { "word/footer2.xml", "footer-even.xml" },
  { "word/footer3.xml", "footer-first.xml" },
};

static gboolean
write_parts (struct archive      *archive,
             const char * const  *values,
             GDateTime           *date,
             GError             **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GBytes) data = expand_part (parts[i].template, values);

      if (!add_part (archive, parts[i].name, data, date, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ledger_report_docx_write:
 * @builder: the report's blocks, built
 * @title: the document's title, for its properties
 * @fd: where the package goes
 *
 * Writes the report as a Word document to @fd.
 */
gboolean
ledger_report_docx_write (LedgerReportBuilder  *builder,
                          const char           *title,
                          int                   fd,
                          GError              **error)
{
  g_autofree char *body = body_of (builder->blocks);
  g_autofree char *escaped_title = escape (title);
  g_autofree char *creator = g_strdup_printf ("%s %s", _("Target Ledger"), PACKAGE_VERSION);
  g_autofree char *escaped_creator = escape (creator);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (builder->date);
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  const char *values[] = {
    "BODY", body, "TITLE", escaped_title, "CREATOR", escaped_creator, "DATE", date, NULL,
  };
  struct archive *archive = archive_write_new ();
  gboolean ok;

  /* No padding of the last block: a zip file ends where it ends. */
  ok = archive_write_set_format_zip (archive) == ARCHIVE_OK &&
       archive_write_set_bytes_in_last_block (archive, 1) == ARCHIVE_OK &&
       archive_write_open_fd (archive, fd) == ARCHIVE_OK;
  if (!ok)
    set_archive_error (error, archive);
  else if ((ok = write_parts (archive, values, builder->date, error)))
    ok = archive_write_close (archive) == ARCHIVE_OK || set_archive_error (error, archive);
  archive_write_free (archive);
  return ok;
}
