#ifndef WINNOW_CMALLOC_SHIM_H
#define WINNOW_CMALLOC_SHIM_H

// glibc's malloc keeps the memory a program frees for its next requests,
// resident; malloc_trim hands what it can back to the system. The C
// library's own function, declared by <malloc.h>, which Swift's Glibc
// module does not bring in. Elsewhere (macOS) the allocator returns freed
// memory by itself and this does nothing.

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
static inline int winnow_return_free_memory(void) {
    return malloc_trim(0);
}
#else
static inline int winnow_return_free_memory(void) {
    return 0;
}
#endif

#endif
