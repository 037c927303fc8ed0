// CArchive: libarchive's C API (archive.h, archive_entry.h) for Swift, plus
// shims for what Swift cannot import: the file-type macros are casts, which
// Swift does not import as constants. Every shim is prefixed carchive_.
#ifndef CARCHIVE_H
#define CARCHIVE_H
#include <archive.h>
#include <archive_entry.h>

/// What kind of entry this is, as a plain int Swift can switch over.
typedef enum {
    CARCHIVE_ENTRY_REGULAR = 0,
    CARCHIVE_ENTRY_DIRECTORY = 1,
    CARCHIVE_ENTRY_SYMLINK = 2,
    CARCHIVE_ENTRY_HARDLINK = 3,
    CARCHIVE_ENTRY_OTHER = 4
} carchive_entry_kind;

static inline carchive_entry_kind carchive_entry_kind_of(struct archive_entry *entry) {
    // A hard link is a regular-file header that names another entry.
    if (archive_entry_hardlink(entry) != NULL) return CARCHIVE_ENTRY_HARDLINK;
    switch (archive_entry_filetype(entry) & AE_IFMT) {
    case AE_IFREG: return CARCHIVE_ENTRY_REGULAR;
    case AE_IFDIR: return CARCHIVE_ENTRY_DIRECTORY;
    case AE_IFLNK: return CARCHIVE_ENTRY_SYMLINK;
    default: return CARCHIVE_ENTRY_OTHER;
    }
}

/// Sets an entry's file type from the same plain kinds (for the writer).
static inline void carchive_entry_set_kind(struct archive_entry *entry, carchive_entry_kind kind) {
    switch (kind) {
    case CARCHIVE_ENTRY_DIRECTORY: archive_entry_set_filetype(entry, AE_IFDIR); break;
    case CARCHIVE_ENTRY_SYMLINK: archive_entry_set_filetype(entry, AE_IFLNK); break;
    case CARCHIVE_ENTRY_OTHER: archive_entry_set_filetype(entry, AE_IFIFO); break;
    default: archive_entry_set_filetype(entry, AE_IFREG); break;
    }
}

/// Whether the archive's format is one of the zip variants (seekable or
/// streamed): the format family is in the high bits of archive_format().
static inline int carchive_format_is_zip(struct archive *a) {
    return (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
}
#endif
