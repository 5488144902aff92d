/* ledger-preview-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ledger-preview-row.h"

/* A row of an import's preview, as Import Values… and Import Plan… show
 * them: the row's texts, one under the other, and its line in the file on
 * the right. */

/* A label of a preview row: wrapped, or cut with "…". */
GtkWidget *
ledger_preview_label_new (const char *css_class,
                          gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The row of @text (a vertical box of labels) and a label for its line. */
GtkWidget *
ledger_preview_row_new (GtkWidget *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *line = ledger_preview_label_new ("dim-label", FALSE);

  gtk_widget_add_css_class (box, "import-row");
  gtk_widget_add_css_class (line, "numeric");
  gtk_label_set_xalign (GTK_LABEL (line), 1);
  gtk_label_set_width_chars (GTK_LABEL (line), 8);
  gtk_widget_set_valign (line, GTK_ALIGN_START);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), line);
  return box;
}

void
ledger_preview_row_set_line (GtkWidget  *row,
                             const char *line)
{
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (row)), line);
}
