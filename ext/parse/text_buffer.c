/* text_buffer.c - growable byte buffer; allocation failure is sticky so that
 * callers check once at the end instead of after every append. */
#include "text_buffer.h"

#include <stdlib.h>
#include <string.h>

void text_buffer_init(text_buffer *buf)
{
    memset(buf, 0, sizeof(*buf));
}

void text_buffer_free(text_buffer *buf)
{
    free(buf->data);
    text_buffer_init(buf);
}

void text_buffer_clear(text_buffer *buf)
{
    buf->len = 0;
    if (buf->data) buf->data[0] = '\0';
}

static int text_buffer_reserve(text_buffer *buf, size_t extra)
{
    if (buf->failed) return 0;
    if (buf->capacity - buf->len > extra) return 1;
    size_t wanted = buf->len + extra + 1;
    if (wanted < buf->len) {
        buf->failed = 1;
        return 0;
    }
    size_t capacity = buf->capacity ? buf->capacity : 64;
    while (capacity < wanted) {
        if (capacity > SIZE_MAX / 2) {
            buf->failed = 1;
            return 0;
        }
        capacity *= 2;
    }
    char *data = realloc(buf->data, capacity);
    if (!data) {
        buf->failed = 1;
        return 0;
    }
    buf->data = data;
    buf->capacity = capacity;
    return 1;
}

void text_buffer_append(text_buffer *buf, const char *bytes, size_t len)
{
    if (!len || !text_buffer_reserve(buf, len)) return;
    memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void text_buffer_append_char(text_buffer *buf, char c)
{
    text_buffer_append(buf, &c, 1);
}

void text_buffer_append_codepoint(text_buffer *buf, uint32_t cp)
{
    char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    text_buffer_append(buf, out, n);
}

void text_buffer_append_json_string(text_buffer *buf, const char *bytes, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    text_buffer_append_char(buf, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        text_buffer_append(buf, bytes + run, i - run);
        run = i + 1;
        char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        if (c == '"' || c == '\\') {
            escape[1] = (char)c;
            text_buffer_append(buf, escape, 2);
        } else if (c == '\n') {
            text_buffer_append(buf, "\\n", 2);
        } else if (c == '\t') {
            text_buffer_append(buf, "\\t", 2);
        } else if (c == '\r') {
            text_buffer_append(buf, "\\r", 2);
        } else {
            text_buffer_append(buf, escape, 6);
        }
    }
    text_buffer_append(buf, bytes + run, len - run);
    text_buffer_append_char(buf, '"');
}
