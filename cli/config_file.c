/*
 * config_file.c - see config_file.h. libyaml's document loader; the file is
 * small and its shape fixed, so anything else is an error naming its line,
 * never a setting silently ignored.
 */
#include "config_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static const char *const config_names[] = {".tasksext.yaml", ".tasksext.yml"};

/* A folder prefix and a name joined: "" + "specs" is "specs". */
static char *path_join(const char *folder, const char *name)
{
    if (name[0] == '/' || folder[0] == '\0') return strdup(name);
    size_t n = strlen(folder) + strlen(name) + 2;
    char *joined = malloc(n);
    if (joined) snprintf(joined, n, "%s%s%s", folder, folder[strlen(folder) - 1] == '/' ? "" : "/", name);
    return joined;
}

/* Walks up from the current directory: "" here, "../" one up, and so on. */
static char *find_config(char **folder)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return NULL;
    char prefix[PATH_MAX] = "";
    for (;;) {
        for (size_t i = 0; i < sizeof config_names / sizeof config_names[0]; i++) {
            char candidate[PATH_MAX + 32];
            snprintf(candidate, sizeof candidate, "%s%s", prefix, config_names[i]);
            struct stat st;
            if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
                *folder = strdup(prefix);
                return strdup(candidate);
            }
        }
        char *slash = strrchr(cwd, '/');
        if (!slash || slash == cwd) {
            if (strcmp(cwd, "/") == 0) return NULL;
            strcpy(cwd, "/");
        } else {
            *slash = '\0';
        }
        if (strlen(prefix) + 4 >= sizeof prefix) return NULL;
        strcat(prefix, "../");
    }
}

static void config_error(const char *path, const yaml_node_t *node, const char *what)
{
    fprintf(stderr, "tasksext: %s:%lu: %s\n", path, node ? (unsigned long)node->start_mark.line + 1 : 1UL,
            what);
}

static const char *scalar(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/* A list of strings, or one string. */
static int read_names(yaml_document_t *doc, yaml_node_t *node, const char *path, const char *folder,
                      name_list *out, const char *key)
{
    if (scalar(node)) {
        char *value = folder ? path_join(folder, scalar(node)) : strdup(scalar(node));
        return value && name_list_add(out, value) == 0 ? 0 : -1;
    }
    if (node->type != YAML_SEQUENCE_NODE) {
        char what[128];
        snprintf(what, sizeof what, "'%s' is a list of strings", key);
        config_error(path, node, what);
        return -1;
    }
    for (yaml_node_item_t *item = node->data.sequence.items.start;
         item < node->data.sequence.items.top; item++) {
        yaml_node_t *child = yaml_document_get_node(doc, *item);
        if (!scalar(child)) {
            char what[128];
            snprintf(what, sizeof what, "'%s' is a list of strings", key);
            config_error(path, child, what);
            return -1;
        }
        char *value = folder ? path_join(folder, scalar(child)) : strdup(scalar(child));
        if (!value || name_list_add(out, value) != 0) return -1;
    }
    return 0;
}

static int add_status(name_list *out, const char *mark, const char *status, const char *dialect)
{
    size_t n = strlen(mark) + strlen(status) + (dialect ? strlen(dialect) : 0) + 3;
    char *rule = malloc(n);
    if (!rule) return -1;
    snprintf(rule, n, "%s=%s%s%s", mark, status, dialect ? "@" : "", dialect ? dialect : "");
    return name_list_add(out, rule);
}

/* "~": blocked, or a dialect's name holding such pairs. */
static int read_statuses(yaml_document_t *doc, yaml_node_t *node, const char *path,
                         const char *dialect, name_list *out)
{
    if (node->type != YAML_MAPPING_NODE) {
        config_error(path, node, "'statuses' maps a mark to a status (\"~\": blocked)");
        return -1;
    }
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = yaml_document_get_node(doc, pair->key);
        yaml_node_t *value = yaml_document_get_node(doc, pair->value);
        if (!scalar(key)) {
            config_error(path, key, "a status mark is a string");
            return -1;
        }
        if (value && value->type == YAML_MAPPING_NODE && !dialect) {
            if (read_statuses(doc, value, path, scalar(key), out) != 0) return -1;
        } else if (scalar(value)) {
            if (add_status(out, scalar(key), scalar(value), dialect) != 0) return -1;
        } else {
            config_error(path, value, "a status is a word (done, blocked, ...)");
            return -1;
        }
    }
    return 0;
}

static int read_document(yaml_document_t *doc, const char *path, const char *folder,
                         cli_config *config)
{
    yaml_node_t *top = yaml_document_get_root_node(doc);
    if (!top) return 0; /* an empty file */
    if (top->type != YAML_MAPPING_NODE) {
        config_error(path, top, "the settings are a mapping (roots:, exclude:, statuses:, progress:)");
        return -1;
    }
    for (yaml_node_pair_t *pair = top->data.mapping.pairs.start; pair < top->data.mapping.pairs.top;
         pair++) {
        yaml_node_t *key = yaml_document_get_node(doc, pair->key);
        yaml_node_t *value = yaml_document_get_node(doc, pair->value);
        const char *name = scalar(key);
        int failed;
        if (!name) {
            config_error(path, key, "a setting's name is a string");
            return -1;
        } else if (strcmp(name, "roots") == 0) {
            failed = read_names(doc, value, path, folder, &config->roots, name);
        } else if (strcmp(name, "exclude") == 0 || strcmp(name, "excludes") == 0) {
            failed = read_names(doc, value, path, NULL, &config->excludes, name);
        } else if (strcmp(name, "statuses") == 0) {
            failed = read_statuses(doc, value, path, NULL, &config->statuses);
        } else if (strcmp(name, "progress") == 0) {
            const char *count = scalar(value);
            if (!count || (strcmp(count, "counted") && strcmp(count, "all"))) {
                config_error(path, value, "'progress' is counted or all");
                return -1;
            }
            free(config->count);
            config->count = strdup(count);
            failed = config->count ? 0 : -1;
        } else {
            char what[256];
            snprintf(what, sizeof what,
                     "unknown setting '%.100s' (roots, exclude, statuses, progress)", name);
            config_error(path, key, what);
            return -1;
        }
        if (failed) return -1;
    }
    return 0;
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup("");
    size_t n = (size_t)(slash - path) + 1;
    char *folder = malloc(n + 1);
    if (folder) memcpy(folder, path, n), folder[n] = '\0';
    return folder;
}

int config_load(const char *explicit, cli_config *config)
{
    memset(config, 0, sizeof *config);
    char *folder = NULL;
    char *path = explicit ? strdup(explicit) : find_config(&folder);
    if (!path) return 0;
    if (explicit) folder = folder_of(explicit);
    config->path = path;
    FILE *file = fopen(path, "rb");
    if (!file) {
        fprintf(stderr, "tasksext: %s: %s\n", path, strerror(errno));
        free(folder);
        return -1;
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    int status = -1;
    if (!folder || !yaml_parser_initialize(&parser)) {
        fclose(file);
        free(folder);
        return -1;
    }
    yaml_parser_set_input_file(&parser, file);
    if (!yaml_parser_load(&parser, &doc)) {
        fprintf(stderr, "tasksext: %s:%lu: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                parser.problem ? parser.problem : "not valid YAML");
    } else {
        status = read_document(&doc, path, folder, config);
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    fclose(file);
    free(folder);
    return status;
}

static void free_names(name_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free((void *)list->items[i]);
    free((void *)list->items);
}

void config_free(cli_config *config)
{
    free(config->path);
    free_names(&config->roots);
    free_names(&config->excludes);
    free_names(&config->statuses);
    free(config->count);
    memset(config, 0, sizeof *config);
}
