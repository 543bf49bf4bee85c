/*
 * text_width.c - display widths from a table of Unicode ranges, and cutting
 * text at a word to fit a column (see text_width.h for why not wcwidth).
 */
#include "text_width.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct codepoint_range {
    unsigned first, last;
} codepoint_range;

/* Zero width: combining marks, zero-width joiners and spaces, variation
 * selectors (the emoji selector U+FE0F follows a character already counted). */
static const codepoint_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E},
    {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF},
    {0xE0000, 0xE0FFF},
};

/* Two columns: East Asian Wide and Fullwidth (Unicode's EastAsianWidth W
 * and F), and the characters shown as emoji by default. */
static const codepoint_range double_width[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B},
    {0x1F240, 0x1F248}, {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320},
    {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
    {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
    {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
    {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
    {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
    {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
    {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
    {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int in_ranges(unsigned codepoint, const codepoint_range *ranges, size_t n)
{
    size_t low = 0, high = n;
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (codepoint < ranges[middle].first)
            high = middle;
        else if (codepoint > ranges[middle].last)
            low = middle + 1;
        else
            return 1;
    }
    return 0;
}

int codepoint_width(unsigned codepoint)
{
    if (codepoint == 0) return 0;
    /* Below the first combining mark every character is one column wide:
     * the common case skips both searches. */
    if (codepoint < 0x0300) return 1;
    if (in_ranges(codepoint, zero_width, sizeof zero_width / sizeof zero_width[0])) return 0;
    if (in_ranges(codepoint, double_width, sizeof double_width / sizeof double_width[0])) return 2;
    return 1;
}

size_t utf8_next(const char *text, size_t length, unsigned *codepoint)
{
    const unsigned char *s = (const unsigned char *)text;
    unsigned c = s[0];
    size_t need;
    unsigned value, least;
    if (c < 0x80) {
        *codepoint = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1, value = c & 0x1F, least = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, value = c & 0x0F, least = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, value = c & 0x07, least = 0x10000;
    } else {
        *codepoint = 0xFFFD;
        return 1;
    }
    if (length < need + 1) {
        *codepoint = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *codepoint = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (s[i] & 0x3F);
    }
    if (value < least || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        *codepoint = 0xFFFD;
        return 1;
    }
    *codepoint = value;
    return need + 1;
}

/* 1 when text[0..n) is all ASCII (below 0x80), read 8 bytes at a time:
 * most cells are, and are measured without decoding. *control is set when
 * a byte below 0x20 may be among them. */
static int all_ascii(const char *text, size_t n, int *control)
{
    const uint64_t high = 0x8080808080808080ULL, blanks = 0x2020202020202020ULL;
    size_t at = 0;
    int below_blank = 0;
    for (; at + 8 <= n; at += 8) {
        uint64_t word;
        memcpy(&word, text + at, sizeof word);
        if (word & high) return 0;
        /* Nonzero when some byte is below 0x20 (no byte is above 0x7F). */
        below_blank |= ((word - blanks) & ~word & high) != 0;
    }
    for (; at < n; at++) {
        if ((unsigned char)text[at] >= 0x80) return 0;
        below_blank |= (unsigned char)text[at] < 0x20;
    }
    *control = below_blank;
    return 1;
}

/* The general path of text_width(), for text with bytes above 0x7F. */
static size_t decoded_width(const char *text, size_t length)
{
    size_t width = 0;
    for (size_t at = 0; at < length;) {
        if ((unsigned char)text[at] < 0x80) { /* the ASCII among the rest (a cut text's words) */
            width++;
            at++;
            continue;
        }
        unsigned codepoint;
        at += utf8_next(text + at, length - at, &codepoint);
        width += codepoint < 0x20 || codepoint == 0x7F ? 1 : (size_t)codepoint_width(codepoint);
    }
    return width;
}

/* The text's width, and in *control whether it may hold a control byte.
 * ASCII, control characters included, is one column a byte. */
static size_t width_of(const char *text, int *control)
{
    size_t length = strlen(text);
    *control = 1;
    return all_ascii(text, length, control) ? length : decoded_width(text, length);
}

size_t text_width(const char *text)
{
    int control;
    return width_of(text, &control);
}

size_t text_measure(const char *text, int *breaks_line)
{
    int control;
    size_t width = width_of(text, &control);
    *breaks_line = control && strpbrk(text, "\t\r\n\033") != NULL;
    return width;
}

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */

/* text_fit() for any text, into `out` (room for the text and an
 * ellipsis): decodes, measures and copies a character at a time. */
static void fit_decoding(const char *text, size_t length, size_t max_width, char *out)
{
    /* Copy while it fits, remembering where the last word ended. */
    size_t used = 0, width = 0, last_word_end = 0, fit_end = 0;
    int cut = 0, in_blank = 1;
    for (size_t at = 0; at < length;) {
        /* ASCII, most of what is fitted, is neither decoded nor looked up */
        unsigned codepoint = (unsigned char)text[at];
        size_t n = codepoint < 0x80 ? 1 : utf8_next(text + at, length - at, &codepoint);
        int blank = codepoint == ' ' || codepoint == '\t' || codepoint < 0x20 || codepoint == 0x7F;
        int w = blank || codepoint < 0x80 ? 1 : codepoint_width(codepoint);
        if (width + (size_t)w > max_width) {
            cut = 1;
            break;
        }
        if (blank && !in_blank) last_word_end = used;
        if (blank)
            out[used++] = ' ';
        else if (n == 1)
            out[used++] = text[at];
        else
            memcpy(out + used, text + at, n), used += n;
        width += (size_t)w;
        /* Where a cut could go with room left for the one-column ellipsis. */
        if (width + 1 <= max_width) fit_end = used;
        in_blank = blank;
        at += n;
    }
    if (!cut) {
        out[used] = '\0';
        return;
    }
    size_t end = last_word_end > 0 ? last_word_end : fit_end;
    if (max_width == 0) end = 0;
    while (end > 0 && out[end - 1] == ' ')
        end--;
    if (max_width == 0) {
        out[0] = '\0';
        return;
    }
    memcpy(out + end, ellipsis, sizeof ellipsis);
}

/* text_fit() into `out` when the bytes up to the cut (text[0..max_width],
 * or all of a shorter text) are printable ASCII: a byte a column, and the
 * cut found by looking back from the edge instead of copying up to it.
 * Returns the width. The same text as fit_decoding() (test_text_width.c
 * compares them). */
static size_t fit_printable(const char *text, size_t length, size_t max_width, char *out)
{
    size_t end = length;
    if (length > max_width) {
        /* The last blank that ends a word before the edge, else the edge
         * less the ellipsis's column. */
        end = max_width > 0 ? max_width - 1 : 0;
        for (size_t at = end; at >= 1; at--)
            if (text[at] == ' ' && text[at - 1] != ' ') {
                end = at;
                break;
            }
        while (end > 0 && text[end - 1] == ' ')
            end--;
    }
    int cut = length > max_width && max_width > 0;
    memcpy(out, text, end);
    if (!cut) {
        out[end] = '\0';
        return end;
    }
    memcpy(out + end, ellipsis, sizeof ellipsis);
    return end + 1;
}

int text_fit_into(const char *text, size_t max_width, char **buffer, size_t *capacity,
                  size_t *width)
{
    size_t length = strlen(text);
    size_t needed = length + sizeof ellipsis;
    if (*capacity < needed) {
        size_t grown_capacity = *capacity ? *capacity : 64;
        while (grown_capacity < needed)
            grown_capacity *= 2;
        char *grown = realloc(*buffer, grown_capacity);
        if (!grown) return -1;
        *buffer = grown;
        *capacity = grown_capacity;
    }
    size_t edge = length <= max_width ? length : max_width + 1;
    size_t at = 0;
    while (at < edge && (unsigned char)text[at] >= 0x20 && (unsigned char)text[at] < 0x7F)
        at++;
    if (at == edge) {
        *width = fit_printable(text, length, max_width, *buffer);
    } else {
        fit_decoding(text, length, max_width, *buffer);
        *width = text_width(*buffer);
    }
    return 0;
}

char *text_fit(const char *text, size_t max_width)
{
    char *out = NULL;
    size_t capacity = 0, width;
    if (text_fit_into(text, max_width, &out, &capacity, &width) != 0) {
        free(out);
        return NULL;
    }
    return out;
}
