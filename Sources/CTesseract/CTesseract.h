// CTesseract: Tesseract's C API (capi.h) for Swift.
#ifndef CTESSERACT_H
#define CTESSERACT_H
#include <tesseract/capi.h>
#endif
