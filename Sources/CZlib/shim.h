#ifndef WINNOW_CZLIB_SHIM_H
#define WINNOW_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 and deflateInit2 are function-like macros (they pass the
// library version and the struct size), which Swift cannot call: these
// wrappers are ordinary functions.

/// windowBits: 16 + MAX_WBITS reads gzip members, MAX_WBITS zlib streams,
/// -MAX_WBITS raw deflate.
static inline int winnow_inflate_init(z_stream *stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// A gzip (not zlib) deflater: 16 + MAX_WBITS writes the gzip header and
/// trailer, so every finished stream is one gzip member.
static inline int winnow_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

static inline int winnow_max_wbits(void) {
    return MAX_WBITS;
}

#endif
