// CVips: libvips for Swift.
//
// libvips' public API is mostly variadic (optional arguments as name/value
// pairs ending in NULL), which Swift cannot call. Each function here fixes one
// call shape as a `static inline` wrapper; all are prefixed `cvips_` so a
// reader knows where they come from. They return libvips' status (0 = ok) and
// leave the message in libvips' per-process error buffer.
#ifndef CVIPS_H
#define CVIPS_H
#include <vips/vips.h>

static inline int cvips_init(const char *argv0) { return VIPS_INIT(argv0); }

/// Blocks every loader libvips marks untrusted, then re-allows PDF (poppler),
/// the one untrusted loader the contract needs.
static inline void cvips_block_untrusted_loaders(void) {
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoadPdf", FALSE);
}

static void cvips_drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}
/// libvips reports recoverable damage as GLib warnings on stderr. Precheck
/// decodes with fail_on=error and reads failures from the error buffer, so
/// the warnings are dropped: a library must not print.
static inline void cvips_silence_warnings(void) {
    g_log_set_handler("VIPS", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
                      cvips_drop_log, NULL);
}

static inline void cvips_unref(VipsImage *image) { if (image) g_object_unref(image); }
static inline void cvips_gfree(void *p) { g_free(p); }

// ---- loaders (buffer based; the caller keeps the buffer alive until the
//      image has been copied to memory) ----
static inline int cvips_jpegload_buffer(void *buf, size_t len, int shrink, VipsImage **out) {
    return vips_jpegload_buffer(buf, len, out, "shrink", shrink, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}
static inline int cvips_pngload_buffer(void *buf, size_t len, VipsImage **out) {
    return vips_pngload_buffer(buf, len, out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}
static inline int cvips_tiffload_buffer(void *buf, size_t len, VipsImage **out) {
    return vips_tiffload_buffer(buf, len, out, "page", 0, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}
static inline int cvips_webpload_buffer(void *buf, size_t len, double scale, VipsImage **out) {
    return vips_webpload_buffer(buf, len, out, "scale", scale, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}
static inline int cvips_pdfload_buffer(void *buf, size_t len, double dpi, VipsImage **out) {
    return vips_pdfload_buffer(buf, len, out, "page", 0, "dpi", dpi, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

// ---- pixel operations ----
static inline int cvips_copy_memory(VipsImage *in, VipsImage **out) {
    *out = vips_image_copy_memory(in);
    return *out ? 0 : -1;
}
static inline int cvips_autorot(VipsImage *in, VipsImage **out) { return vips_autorot(in, out, NULL); }
static inline int cvips_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_colourspace(in, out, space, NULL);
}
static inline int cvips_flatten_white(VipsImage *in, VipsImage **out) {
    double white[3] = {255, 255, 255};
    VipsArrayDouble *bg = vips_array_double_new(white, 3);
    int status = vips_flatten(in, out, "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return status;
}
static inline int cvips_cast_uchar(VipsImage *in, VipsImage **out) { return vips_cast_uchar(in, out, NULL); }
static inline int cvips_resize(VipsImage *in, VipsImage **out, double scale) {
    return vips_resize(in, out, scale, NULL);
}
static inline int cvips_rot(VipsImage *in, VipsImage **out, VipsAngle angle) { return vips_rot(in, out, angle, NULL); }
static inline int cvips_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}
static inline int cvips_extract_band(VipsImage *in, VipsImage **out, int band, int n) {
    return vips_extract_band(in, out, band, "n", n, NULL);
}
static inline int cvips_gaussblur(VipsImage *in, VipsImage **out, double sigma) {
    return vips_gaussblur(in, out, sigma, NULL);
}
static inline int cvips_affine(VipsImage *in, VipsImage **out, double a, double b, double c, double d,
                               double odx, double ody, int ox, int oy, int ow, int oh, double bg) {
    double background[3] = {bg, bg, bg};
    VipsArrayDouble *bgarr = vips_array_double_new(background, in->Bands < 3 ? in->Bands : 3);
    VipsArrayInt *area = vips_array_int_newv(4, ox, oy, ow, oh);
    int status = vips_affine(in, out, a, b, c, d, "odx", odx, "ody", ody, "oarea", area,
                             "background", bgarr, "interpolate", vips_interpolate_bilinear_static(), NULL);
    vips_area_unref(VIPS_AREA(bgarr));
    vips_area_unref(VIPS_AREA(area));
    return status;
}
static inline int cvips_mapim(VipsImage *in, VipsImage *index, VipsImage **out) {
    return vips_mapim(in, out, index, "interpolate", vips_interpolate_bilinear_static(), NULL);
}

// ---- text rendering (Pango) ----
/// Renders `markup` (Pango markup) as a one-band alpha mask, 0..255.
/// `fontfile` may be NULL. `width` 0 means no wrapping.
static inline int cvips_text(VipsImage **out, const char *markup, const char *font, const char *fontfile,
                             int dpi, int width, int spacing) {
    if (fontfile && width > 0)
        return vips_text(out, markup, "font", font, "fontfile", fontfile, "dpi", dpi, "width", width, "spacing", spacing, NULL);
    if (fontfile)
        return vips_text(out, markup, "font", font, "fontfile", fontfile, "dpi", dpi, NULL);
    if (width > 0)
        return vips_text(out, markup, "font", font, "dpi", dpi, "width", width, "spacing", spacing, NULL);
    return vips_text(out, markup, "font", font, "dpi", dpi, NULL);
}

// ---- encoders ----
static inline int cvips_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "strip", TRUE, NULL);
}
static inline int cvips_jpegsave_buffer_keep_metadata(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, NULL);
}
static inline int cvips_pngsave_buffer(VipsImage *in, void **buf, size_t *len) {
    return vips_pngsave_buffer(in, buf, len, "compression", 9, "strip", TRUE, NULL);
}
static inline int cvips_tiffsave_buffer(VipsImage *in, void **buf, size_t *len) {
    return vips_tiffsave_buffer(in, buf, len, "compression", VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE, NULL);
}
static inline int cvips_webpsave_buffer(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, NULL);
}

// ---- header ----
static inline int cvips_orientation(VipsImage *in) {
    int orientation = 1;
    if (vips_image_get_typeof(in, VIPS_META_ORIENTATION) && vips_image_get_int(in, VIPS_META_ORIENTATION, &orientation) == 0)
        return orientation;
    return 1;
}
static inline void cvips_set_orientation(VipsImage *in, int orientation) {
    vips_image_set_int(in, VIPS_META_ORIENTATION, orientation);
}
#endif
