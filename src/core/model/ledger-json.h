/* ledger-json.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What every JSON read is checked for before json-glib parses it
 * (ledger-json-check.c). */
#define LEDGER_JSON_ERROR (ledger_json_error_quark ())

typedef enum
{
  LEDGER_JSON_ERROR_TOO_LARGE,
  LEDGER_JSON_ERROR_TOO_DEEP,
  LEDGER_JSON_ERROR_NUL,
  LEDGER_JSON_ERROR_ENCODING,
  LEDGER_JSON_ERROR_ESCAPE,
  LEDGER_JSON_ERROR_DUPLICATE,
} LedgerJsonError;

/* The deepest nesting of lists and objects read; a plan file needs 9, a
 * data package 4. */
#define LEDGER_JSON_MAX_DEPTH 64

/* The largest JSON read, by what it is (docs/plan-format.md and
 * docs/package-format.md): json-glib holds the whole tree, several times
 * the size of the text. A data package of every value of ten years of 500
 * indicators is about 20 MiB; a change's contents are one value or one
 * indicator. */
#define LEDGER_JSON_MAX_PLAN_FILE (64 * 1024 * 1024)
#define LEDGER_JSON_MAX_PACKAGE   (128 * 1024 * 1024)
#define LEDGER_JSON_MAX_CHANGE    (16 * 1024 * 1024)

GQuark      ledger_json_error_quark    (void);
gboolean    ledger_json_check          (const char        *data,
                                        gssize             length,
                                        gsize              max_size,
                                        GError           **error);
gboolean    ledger_json_parser_load    (JsonParser        *parser,
                                        const char        *data,
                                        gssize             length,
                                        gsize              max_size,
                                        GError           **error);
JsonNode   *ledger_json_parse          (const char        *data,
                                        gssize             length,
                                        gsize              max_size,
                                        GError           **error);
gboolean    ledger_json_load_file      (GFile             *file,
                                        gsize              max_size,
                                        char             **data,
                                        gsize             *length,
                                        GError           **error);

/* Reads a JSON document whose every member is checked before use: an
 * error names the line and the place in the document ("line 12,
 * values[3]: “value” must be a number"). Used by the plan files and the
 * data packages. */
typedef struct
{
  GQuark       domain;  /* of the errors about the content */
  int          code;
  GError     **error;
  GString     *path;    /* "plans[0].areas[2]": where the reader is */
  GHashTable  *lines;   /* object/member → the line the parser saw it on */
  JsonParser  *parser;
  JsonObject  *object;
  const char  *member;
} LedgerJsonReader;

void        ledger_json_reader_init    (LedgerJsonReader  *reader,
                                        GQuark             domain,
                                        int                code,
                                        GError           **error);
void        ledger_json_reader_clear   (LedgerJsonReader  *reader);
JsonNode   *ledger_json_reader_load    (LedgerJsonReader  *reader,
                                        const char        *data,
                                        gssize             length,
                                        gsize              max_size,
                                        GError           **syntax_error);
gsize       ledger_json_reader_enter   (LedgerJsonReader  *reader,
                                        const char        *member,
                                        guint              index);
void        ledger_json_reader_leave   (LedgerJsonReader  *reader,
                                        gsize              saved);
void        ledger_json_at             (LedgerJsonReader  *reader,
                                        JsonObject        *object,
                                        const char        *member);
gboolean    ledger_json_fail           (LedgerJsonReader  *reader,
                                        const char        *format,
                                        ...) G_GNUC_PRINTF (2, 3);
gboolean    ledger_json_check_members  (LedgerJsonReader   *reader,
                                        JsonObject         *object,
                                        const char * const *allowed);
gboolean    ledger_json_read_string    (LedgerJsonReader  *reader,
                                        JsonObject        *object,
                                        const char        *member,
                                        gboolean           required,
                                        const char       **out);
gboolean    ledger_json_read_uuid      (LedgerJsonReader  *reader,
                                        JsonObject        *object,
                                        const char        *member,
                                        const char       **out);
gboolean    ledger_json_read_number    (LedgerJsonReader  *reader,
                                        JsonObject        *object,
                                        const char        *member,
                                        double            *out);
JsonArray  *ledger_json_read_array     (LedgerJsonReader  *reader,
                                        JsonObject        *object,
                                        const char        *member,
                                        gboolean           non_empty);
JsonObject *ledger_json_array_object   (LedgerJsonReader  *reader,
                                        JsonArray         *array,
                                        guint              index);

/* Writing: members left out when empty, numbers in their shortest form. */
void        ledger_json_add_string     (JsonBuilder       *builder,
                                        const char        *member,
                                        const char        *value);
void        ledger_json_add_number     (JsonBuilder       *builder,
                                        const char        *member,
                                        double             value);
char       *ledger_json_to_data        (JsonNode          *root);
void        ledger_json_append_number  (GString           *out,
                                        double             value);
void        ledger_json_append_string  (GString           *out,
                                        const char        *text);

G_END_DECLS
