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

#endif
