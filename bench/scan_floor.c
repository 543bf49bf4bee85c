/* scan_floor.c - the floor: the least any markdown task reader built on md4c
 * must do (walk, read, let md4c parse), with callbacks that do nothing. The
 * flags are the parser core's own (MARKDOWN_WALK_MD4C_FLAGS), so md4c does the
 * same work. */
#include <md4c.h>
#include <string.h>

#include "parse/markdown_walk.h"
#include "scan.h"

static int on_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

static int on_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    (void)type;
    (void)text;
    (void)size;
    (void)userdata;
    return 0;
}

int scan_floor_step(const char *bytes, size_t size, const char *path, const char *folder,
                    scan_result *result)
{
    (void)folder;
    (void)path;
    (void)result;
    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.flags = MARKDOWN_WALK_MD4C_FLAGS;
    parser.enter_block = on_block;
    parser.leave_block = on_block;
    parser.enter_span = on_span;
    parser.leave_span = on_span;
    parser.text = on_text;
    return md_parse(bytes, (MD_SIZE)size, &parser, NULL) != 0;
}

int scan_floor(const char *root, scan_result *result)
{
    return scan_tree(root, scan_floor_step, result);
}
