// CMalloc: glibc's allocator controls (malloc.h is not part of Swift's Glibc module).
#ifndef CMALLOC_H
#define CMALLOC_H
#include <malloc.h>
#endif
