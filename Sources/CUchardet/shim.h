#ifndef WINNOW_CUCHARDET_SHIM_H
#define WINNOW_CUCHARDET_SHIM_H

// uchardet (Debian's libuchardet-dev): the charset detector of the
// freedesktop.org project, from Mozilla's universal charset detector.
#include <uchardet/uchardet.h>

#endif
