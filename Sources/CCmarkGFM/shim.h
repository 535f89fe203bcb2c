#ifndef CONVENE_CCMARKGFM_SHIM_H
#define CONVENE_CCMARKGFM_SHIM_H

// GitHub's Markdown parser (Debian's libcmark-gfm-dev). Parsing with the GFM extensions is wrapped
// here so Swift never touches the extension registry's globals.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>
#include <pthread.h>

/// Whether GFM's autolink extension could find anything in the text: it links what follows a
/// scheme's "://", a "www." and an e-mail address (an "@"), and nothing else. It is left out of
/// texts with none of them, where it would only cost time: it looks at every 'w' and ':' of the
/// text, about a fifth of the parse of a long record.
static inline int convene_may_hold_autolinks(const char *text, size_t length) {
    const char *end = text + length;
    if (memchr(text, '@', length)) return 1;
    for (const char *colon = text; (colon = memchr(colon, ':', (size_t)(end - colon))); colon++) {
        if (end - colon >= 3 && colon[1] == '/' && colon[2] == '/') return 1;
    }
    for (const char *w = text; (w = memchr(w, 'w', (size_t)(end - w))); w++) {
        if (end - w >= 4 && memcmp(w, "www.", 4) == 0) return 1;
    }
    return 0;
}

/// Parses GitHub-flavoured Markdown (tables, strikethrough, autolinks) into a document the caller
/// frees with cmark_node_free.
static inline cmark_node *convene_parse_gfm(const char *text, size_t length) {
    int autolinks = convene_may_hold_autolinks(text, length);
    // cmark-gfm registers its extensions behind an unguarded flag: two threads parsing at once
    // could find "strikethrough" not yet registered and show ~~text~~ as typed. Once, for all.
    static pthread_once_t registered = PTHREAD_ONCE_INIT;
    pthread_once(&registered, cmark_gfm_core_extensions_ensure_registered);
    // Attaching an extension adds its characters ('~', '|') to one table of special characters
    // shared by every parser, and freeing a parser takes them out again: a parse running beside
    // another's end would read "~~struck~~" as plain text (seen once in parallel tests). So GFM
    // parses run one at a time.
    static pthread_mutex_t parsing = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&parsing);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
    const char *names[] = {"table", "strikethrough", "autolink", "tagfilter"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!autolinks && strcmp(names[i], "autolink") == 0) continue;
        cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
        if (extension) cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, text, length);
    cmark_node *document = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    pthread_mutex_unlock(&parsing);
    return document;
}

/// Parses plain CommonMark (no GFM extensions) with source positions, for text a person typed:
/// what they may write inline is decided by the caller, which walks the tree.
static inline cmark_node *convene_parse_commonmark(const char *text, size_t length) {
    return cmark_parse_document(text, length, CMARK_OPT_SOURCEPOS);
}

/// A table cell's alignment: 'l', 'c', 'r', or 0 for none.
static inline char convene_table_alignment(cmark_node *table, int column) {
    uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
    if (column < 0 || column >= columns) return 0;
    uint8_t *alignments = cmark_gfm_extensions_get_table_alignments(table);
    return alignments ? (char)alignments[column] : 0;
}

#endif
