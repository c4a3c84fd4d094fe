/*
 * libyaml-parse: the baseline for Kiln's parse benchmark. It only parses: each file is read into
 * memory and run through libyaml's event parser (yaml_parser_parse until YAML_STREAM_END_EVENT,
 * deleting every event); nothing is built or checked. Exit status 1 on a parse error (printed as
 * FILE:LINE:COLUMN: problem), 2 on a usage or I/O error.
 *
 *   libyaml-parse [-v] PATH...
 *
 * A PATH that is a folder is searched recursively for *.yaml and *.yml files, leaving out hidden
 * files and folders as Kiln does. -v prints the number of files, bytes and events to stderr.
 *
 * Build: gcc -O2 -o .build/libyaml-parse libyaml-parse.c $(pkg-config --cflags --libs yaml-0.1)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static unsigned long long total_files, total_bytes, total_events;
static int verbose;

static int has_yaml_suffix(const char *name) {
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int parse_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        exit(2);
    }
    if (fseek(file, 0, SEEK_END) != 0) {
        perror(path);
        exit(2);
    }
    long size = ftell(file);
    rewind(file);
    unsigned char *buffer = malloc(size > 0 ? (size_t)size : 1);
    if (!buffer || (size > 0 && fread(buffer, 1, (size_t)size, file) != (size_t)size)) {
        fprintf(stderr, "%s: cannot read\n", path);
        exit(2);
    }
    fclose(file);

    yaml_parser_t parser;
    yaml_event_t event;
    int ok = 1;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "%s: cannot initialize the parser\n", path);
        exit(2);
    }
    yaml_parser_set_input_string(&parser, buffer, (size_t)size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            ok = 0;
            break;
        }
        total_events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buffer);
    total_files++;
    total_bytes += (unsigned long long)size;
    return ok;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parses every *.yaml / *.yml below `folder` (sorted, hidden entries left out). */
static int parse_folder(const char *folder) {
    DIR *dir = opendir(folder);
    if (!dir) {
        perror(folder);
        exit(2);
    }
    char **names = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            names = realloc(names, capacity * sizeof *names);
            if (!names) exit(2);
        }
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof *names, compare_names);
    int ok = 1;
    for (size_t i = 0; i < count; i++) {
        size_t length = strlen(folder) + strlen(names[i]) + 2;
        char *path = malloc(length);
        snprintf(path, length, "%s/%s", folder, names[i]);
        struct stat info;
        if (stat(path, &info) == 0) {
            if (S_ISDIR(info.st_mode)) {
                ok &= parse_folder(path);
            } else if (S_ISREG(info.st_mode) && has_yaml_suffix(names[i])) {
                ok &= parse_file(path);
            }
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return ok;
}

int main(int argc, char **argv) {
    int ok = 1, paths = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
            continue;
        }
        struct stat info;
        if (stat(argv[i], &info) != 0) {
            perror(argv[i]);
            return 2;
        }
        ok &= S_ISDIR(info.st_mode) ? parse_folder(argv[i]) : parse_file(argv[i]);
        paths++;
    }
    if (paths == 0) {
        fprintf(stderr, "usage: libyaml-parse [-v] FILE-OR-FOLDER...\n");
        return 2;
    }
    if (verbose) {
        fprintf(stderr, "%llu files, %llu bytes, %llu events%s\n", total_files, total_bytes, total_events,
                ok ? "" : " (with parse errors)");
    }
    return ok ? 0 : 1;
}
