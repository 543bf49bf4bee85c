-- Every task in the real corpus (read in place): file, line, id, mark.
-- Checked by hand for the files listed in tests/sql/CORPUS_CHECKED.md.
.mode tabs
SELECT substr(file, length('../shared/corpus/real/') + 1), line, id, mark
FROM tasks('../shared/corpus/real/**/*.md');
