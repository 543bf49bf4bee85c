#!/usr/bin/env node
// Independent cross-check of tasksext's tasks(): finds markdown tasks with
// markdown-it (CommonMark + GFM tables, raw HTML on) instead of md4c, and
// front matter with the `yaml` package instead of libyaml.
//
// Usage: node gfm_tasks.mjs FILE...
// Prints one line per task: file<TAB>line<TAB>mark   (line is 1-based, in
// the file as stored, front matter lines counted).
//
// Rules (see README.md beside this file):
//   - a task is a list item whose FIRST child block is a paragraph whose
//     text starts with a box `[c]` followed by whitespace or end, or by `*`
//     then whitespace or end (Kiro optional task, `- [ ]* 2.3`);
//   - c is one code point: space (todo), x/X (done), or anything that is
//     neither a letter (\p{L}) nor a decimal digit (\p{Nd}); a letter or
//     digit in the box is not a task (`- [P] legend`);
//   - nothing inside a block quote counts; code blocks, HTML blocks and
//     tables never yield list items in markdown-it, so they drop out by
//     themselves;
//   - YAML front matter (`---` on the first line after an optional BOM, up
//     to a `---` or `...` line) is blanked out line by line so that line
//     numbers stay; if that YAML does not parse, the file is left whole and
//     parsed as markdown.

import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import YAML from 'yaml';

const md = MarkdownIt('commonmark', { html: true }).enable('table');

const BOX = /^\[([^\n])\](?:\*)?(?:[ \t\n]|$)/su;
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

// Split keeping CRLF/LF/CR line ends out of the line text.
function splitLines(text) {
  return text.split(/\r\n|\n|\r/);
}

// Returns the text with front matter lines replaced by empty lines, or the
// text unchanged when there is no (well-formed) front matter.
export function blankFrontMatter(text) {
  const lines = splitLines(text);
  if (lines.length < 2 || !/^---[ \t]*$/.test(lines[0])) return text;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) { close = i; break; }
  }
  if (close < 0) return text;
  const yamlText = lines.slice(1, close).join('\n');
  const doc = YAML.parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    if (process.env.GFM_TASKS_DEBUG) {
      process.stderr.write(`malformed front matter: ${doc.errors[0].message}\n`);
    }
    return text;
  }
  const out = lines.slice();
  for (let i = 0; i <= close; i++) out[i] = '';
  return out.join('\n');
}

export function tasksOf(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = blankFrontMatter(text);
  const tokens = md.parse(text, {});
  const found = [];
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'blockquote_open') { quoteDepth++; continue; }
    if (t.type === 'blockquote_close') { quoteDepth--; continue; }
    if (t.type !== 'list_item_open' || quoteDepth > 0) continue;
    const first = tokens[i + 1];
    if (!first || first.type !== 'paragraph_open') continue;
    const inline = tokens[i + 2];
    if (!inline || inline.type !== 'inline') continue;
    const m = BOX.exec(inline.content);
    if (!m) continue;
    // GFM reads any blank in the box as an open task.
    const mark = m[1] === '\t' ? ' ' : m[1];
    if (mark !== 'x' && mark !== 'X' && LETTER_OR_DIGIT.test(mark)) continue;
    if (process.env.GFM_TASKS_DEBUG && first.map[0] !== t.map[0]) {
      process.stderr.write(`item line ${t.map[0] + 1} != paragraph line ${first.map[0] + 1}\n`);
    }
    found.push({ line: t.map[0] + 1, mark });
  }
  return found;
}

function main(argv) {
  let status = 0;
  const out = [];
  for (const file of argv) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`gfm_tasks: ${file}: ${e.message}\n`);
      status = 2;
      continue;
    }
    for (const { line, mark } of tasksOf(text)) out.push(`${file}\t${line}\t${mark}\n`);
  }
  process.stdout.write(out.join(''));
  return status;
}

if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
