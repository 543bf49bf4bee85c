/* fuzz_front_matter.c - bytes through front_matter_locate() and, when a block
 * is there, front_matter_read(): the span must lie inside the input, the JSON
 * must be JSON, valid UTF-8 and no larger than the documented bound. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "parse/arena.h"
#include "parse/front_matter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One scalar may land before the size check stops the reader; with the
 * fuzzer's -max_len that is at most 6 bytes of JSON per input byte (\u00XX). */
#define JSON_SLACK ((size_t)6 * 65536 + 64)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    size_t start = size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    front_matter_span span;
    front_matter_locate(bytes, size, start, &span);
    FUZZ_CHECK(span.body_start >= start && span.body_start <= size, "body_start %zu of %zu",
               span.body_start, size);
    if (!span.present) {
        FUZZ_CHECK(!span.closed && span.body_start == start, "no front matter, yet a span");
        return 0;
    }
    FUZZ_CHECK(span.yaml_start >= start && span.yaml_start <= span.yaml_end &&
                   span.yaml_end <= size,
               "yaml span %zu..%zu of %zu", span.yaml_start, span.yaml_end, size);
    if (span.closed)
        FUZZ_CHECK(span.yaml_end < span.body_start, "closed, yet body_start %zu <= yaml_end %zu",
                   span.body_start, span.yaml_end);
    FUZZ_CHECK(span.yaml_line >= 1, "yaml_line %u", span.yaml_line);

    tasks_arena *arena = tasks_arena_new();
    if (!arena) return 0;
    front_matter fm;
    /* The YAML is handed over in its own heap block, exactly as long as the
     * span, so ASan catches a read past its end. */
    size_t len = span.yaml_end - span.yaml_start;
    char *yaml = malloc(len ? len : 1);
    if (!yaml) {
        tasks_arena_free(arena);
        return 0;
    }
    memcpy(yaml, bytes + span.yaml_start, len);
    int rc = front_matter_read(yaml, len, span.yaml_line, arena, &fm);
    free(yaml);
    if (rc == 0) {
        size_t json_len = fuzz_check_string("json", fm.json, 1);
        FUZZ_CHECK(json_len <= FRONT_MATTER_MAX_JSON_BYTES + JSON_SLACK,
                   "json of %zu bytes (limit %u)", json_len, FRONT_MATTER_MAX_JSON_BYTES);
        if (fm.json) {
            size_t where = 0;
            FUZZ_CHECK(fuzz_json_valid(fm.json, json_len, &where),
                       "json invalid at byte %zu of %zu: %.300s", where, json_len,
                       fm.json + (where > 100 ? where - 100 : 0));
            FUZZ_CHECK(fm.json[0] == '{' || fm.error, "json not a mapping, and no error");
        }
        fuzz_check_string("id", fm.id, 1);
        fuzz_check_string("title", fm.title, 1);
        fuzz_check_string("author", fm.author, 1);
        fuzz_check_string("description", fm.description, 1);
        fuzz_check_string("error", fm.error, 1);
        if (fm.error) FUZZ_CHECK(fm.error_line >= span.yaml_line, "error_line %u", fm.error_line);
    } else {
        FUZZ_CHECK(rc == -1, "front_matter_read returned %d", rc);
    }
    tasks_arena_free(arena);
    return 0;
}
