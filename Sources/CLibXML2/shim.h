#ifndef WINNOW_CLIBXML2_SHIM_H
#define WINNOW_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its headers then pull in ICU's UErrorCode,
// which clashes with Foundation's copy. Undefining the switch after the
// version header keeps ICU out of this module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 refuses as
// concurrency-unsafe; a static inline function is an ordinary call.
static inline void winnow_xml_free(void *pointer) {
    xmlFree(pointer);
}

// A no-op error handler so libxml2 never writes to stderr from the library.
static inline void winnow_silent_structured_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

static inline void winnow_silence_libxml2(void) {
    xmlSetStructuredErrorFunc(NULL, winnow_silent_structured_error);
}

// The version of the libxml2 library loaded at run time ("20914" for
// 2.9.14), which can differ from the headers built against.
// xmlParserVersion is a macro over a per-thread global in threaded builds;
// a function keeps Swift out of its global state.
static inline const char *winnow_libxml2_runtime_version(void) {
    return xmlParserVersion;
}

#endif
