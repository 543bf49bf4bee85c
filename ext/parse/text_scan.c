/* text_scan.c - see text_scan.h. */
#include "text_scan.h"

#include <stdlib.h>
#include <string.h>

size_t skip_digits(const char *s, size_t len, size_t i)
{
    while (i < len && ascii_is_digit(s[i]))
        i++;
    return i;
}

size_t skip_dotted(const char *s, size_t len, size_t i)
{
    while (i + 1 < len && s[i] == '.' && ascii_is_digit(s[i + 1]))
        i = skip_digits(s, len, i + 1);
    return i;
}

int starts_nocase(const char *s, const char *word)
{
    for (; *word; s++, word++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != *word) return 0;
    }
    return 1;
}
