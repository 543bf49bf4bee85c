/* scan_floor_yaml.c - the floor plus libyaml: md_parse as in the floor, and
 * libyaml's event parser run over each file's front matter with nothing done
 * with the events. tasksext must read front matter with libyaml, so this is
 * the least any such reader does; the gap between this and the floor is
 * what libyaml alone costs. */
#include <string.h>
#include <yaml.h>

#include "parse/front_matter.h"
#include "scan.h"

/* Every event of the front matter, each dropped as soon as it is read. */
static int yaml_events(const char *yaml, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    int rc = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) break; /* malformed: stop, as the reader does */
        int end = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (end) break;
    }
    yaml_parser_delete(&parser);
    return rc;
}

static int floor_yaml_step(const char *bytes, size_t size, const char *path, const char *folder,
                           scan_result *result)
{
    size_t start = size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    front_matter_span span;
    front_matter_locate(bytes, size, start, &span);
    if (span.present && span.closed &&
        yaml_events(bytes + span.yaml_start, span.yaml_end - span.yaml_start) != 0)
        return 1;
    return scan_floor_step(bytes, size, path, folder, result);
}

int scan_floor_yaml(const char *root, scan_result *result)
{
    return scan_tree(root, floor_yaml_step, result);
}
