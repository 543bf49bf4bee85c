# check_layers.cmake - the arrows between the layers, checked on every
# configure (and by the `layers` test): a file may include headers of its own
# layer and of the layers below it, and only its layer's libraries.
#
#   base                array growth: header-only, below every layer
#   fs     parse        walking and reading files | markdown -> documents
#    |       |
#    |     deps         documents -> dependency graphs
#     \     /
#      cache            the load pipeline, the caches, the read-ahead ring
#        |
#      history          a repository's commits -> task state changes, counts
#        |
#      sqlite           the SQL functions
#
# Run as a script: cmake -DSOURCE_DIR=<tree> -P check_layers.cmake
# Included from CMakeLists.txt: checks ${CMAKE_SOURCE_DIR}.

cmake_policy(SET CMP0057 NEW) # IN_LIST, also when run with -P

if(NOT SOURCE_DIR)
  set(SOURCE_DIR "${CMAKE_SOURCE_DIR}")
endif()

# What each layer may include: project folders under ext/, public headers
# under include/, and the libraries' headers.
set(layer_fs_may "fs;base")
set(layer_fs_public "")
set(layer_fs_libraries "git2.h")
set(layer_parse_may "parse;base")
set(layer_parse_public "tasks_parse.h")
set(layer_parse_libraries "md4c.h;yaml.h")
set(layer_deps_may "deps;parse;base")
set(layer_deps_public "tasks_parse.h;tasks_deps.h")
set(layer_deps_libraries "")
set(layer_cache_may "cache;fs;parse;deps;base")
set(layer_cache_public "tasks_parse.h;tasks_deps.h")
set(layer_cache_libraries "pthread.h")
set(layer_history_may "history;cache;fs;parse;deps;base")
set(layer_history_public "tasks_parse.h;tasks_deps.h")
set(layer_history_libraries "")
set(layer_sqlite_may "sqlite;history;cache;fs;parse;deps;base")
set(layer_sqlite_public "tasks_parse.h;tasks_deps.h;tasksext.h")
set(layer_sqlite_libraries "sqlite3.h;sqlite3ext.h")
# Headers of a library no layer may include unless listed above.
set(guarded_libraries "git2.h;md4c.h;yaml.h;pthread.h;sqlite3.h;sqlite3ext.h")
set(public_headers "tasks_parse.h;tasks_deps.h;tasksext.h")

set(violations "")
foreach(layer fs parse deps cache history sqlite)
  file(GLOB files "${SOURCE_DIR}/ext/${layer}/*.c" "${SOURCE_DIR}/ext/${layer}/*.h")
  foreach(file ${files})
    file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*" "\\1" header "${line}")
      if(header MATCHES "^(\\.\\./)?(base|fs|parse|deps|cache|history|sqlite)/")
        set(target "${CMAKE_MATCH_2}")
        if(NOT target IN_LIST layer_${layer}_may)
          string(APPEND violations "\n  ${shown}: ${layer} includes ${header} (layer ${target})")
        endif()
      elseif(header IN_LIST public_headers)
        if(NOT header IN_LIST layer_${layer}_public)
          string(APPEND violations "\n  ${shown}: ${layer} includes ${header}")
        endif()
      elseif(header IN_LIST guarded_libraries)
        if(NOT header IN_LIST layer_${layer}_libraries)
          string(APPEND violations "\n  ${shown}: ${layer} includes <${header}>")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "An include goes against the layers' arrows "
    "(fs, parse < deps < cache < history < sqlite; see cmake/check_layers.cmake):${violations}")
endif()
