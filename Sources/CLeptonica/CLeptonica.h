// CLeptonica: Leptonica for Swift. Functions that Leptonica defines as
// macros, or whose out-parameters are awkward, get `clept_` wrappers here.
#ifndef CLEPTONICA_H
#define CLEPTONICA_H
#include <leptonica/allheaders.h>

/// Silences Leptonica's messages on stderr; callers turn failures into typed errors.
static inline void clept_silence(void) { setMsgSeverity(L_SEVERITY_NONE); }
static inline void clept_destroy(PIX *pix) { if (pix) pixDestroy(&pix); }
static inline void clept_boxa_destroy(BOXA *boxa) { if (boxa) boxaDestroy(&boxa); }
static inline void clept_free(void *p) { lept_free(p); }
#endif
