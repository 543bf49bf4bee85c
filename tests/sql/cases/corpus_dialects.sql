-- The dialect of every file of the real corpus (read in place), and the
-- requirement references of one Kiro spec, checked by hand.
.mode tabs
SELECT substr(file, length('../shared/corpus/real/') + 1), dialect
FROM task_specs('../shared/corpus/real/**/*.md');
SELECT id, ref, line FROM task_refs('../shared/corpus/real/kiro/RockyBoyRC__SpaceWeirdos__.kiro__specs__1-ui-design-system__tasks.md')
WHERE kind = 'requirement' AND id IN ('2.1', '2.2', '2.3');
-- Every reference of every task of the corpus.
SELECT substr(file, length('../shared/corpus/real/') + 1), id, kind, ref, line
FROM task_refs('../shared/corpus/real/**/*.md');
