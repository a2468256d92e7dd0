#!/usr/bin/env python3
"""How much of the dragnet comments score is the truth's byline lines.

dragnet's comments.txt keeps each comment's header ("Emily said...",
"October 9, 2012 3:04 PM"); winnow keeps author and date out of a comment's
`text`, as the schema promises. This reads the outputs that score.py saved
and prints, with score.py's own functions:

  1. where the comment-truth 4-shingles that the output misses lie: in
     header-like lines, in other short lines, or in longer lines;
  2. the comments P/R/F1 as emitted, and with each comment's `author` and
     `published_text` (else `published`) put before its text;
  3. P/R/F1 against the truth without its header-like lines (pages with
     comment truth only).

Usage:
    python3 ../shared/eval/score.py --devset ../shared/devset --set dragnet \\
        --cmd '.build/release/winnow clean {html} --url {url} --format json' --save /tmp/out
    python3 scripts/comment-truth-headers.py /tmp/out [--devset ../shared/devset]
"""
import argparse
import json
import os
import re
import sys

MONTH = r'(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*'
DATE = re.compile(
    r'\b(%s\.?\s+\d{1,2}|\d{1,2}(st|nd|rd|th)?\s+%s|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}'
    r'|\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago|\d{1,2}:\d{2})' % (MONTH, MONTH), re.I)
SHAPE = re.compile(r'^\W*((posted|written|submitted)\s+by\b|by\s+\S)|\b(says|said|wrote|writes)\s*(:|\.\.\.|…|,)?\s*$', re.I)
NUMBER = re.compile(r'^#?\d{1,4}\.?$')


def is_header(line):
    """A line as comment systems print a byline: short, with a date, a byline or speech shape, or a number alone."""
    line = line.strip()
    return len(line) <= 150 and bool(DATE.search(line) or SHAPE.search(line) or NUMBER.match(line))


def flatten(comments, with_header=False):
    texts = []
    for comment in comments:
        header = ' '.join(x for x in [comment.get('author'), comment.get('published_text') or comment.get('published')] if x)
        texts.append(header + '\n' + comment['text'] if with_header and header else comment['text'])
        texts += flatten(comment.get('replies') or [], with_header)
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('saved', help="score.py's --save folder")
    parser.add_argument('--devset', default=os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'devset'))
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.devset, '..', 'eval'))
    import score

    pages = [p for p in score.load_devset(args.devset, ['dragnet'], None) if p['comments_true'] is not None]
    outputs = {}
    for page in pages:
        with open(os.path.join(args.saved, 'dragnet', page['id'] + '.json')) as f:
            outputs[page['id']] = json.load(f).get('comments') or []

    missed = {'header-like lines': 0, 'other lines of 8 words or fewer': 0, 'longer lines': 0}
    for page in pages:
        predicted = score.shingles('\n'.join(flatten(outputs[page['id']])))
        for line in page['comments_true'].split('\n'):
            lost = sum(1 for s in score.shingles(line) if s not in predicted)
            if is_header(line):
                missed['header-like lines'] += lost
            elif len(re.findall(r'\w+', line)) <= 8:
                missed['other lines of 8 words or fewer'] += lost
            else:
                missed['longer lines'] += lost
    total = sum(missed.values())
    print('comment-truth shingles missed: %d' % total)
    for kind, count in missed.items():
        print('  %-32s %6d (%.0f %%)' % (kind, count, 100 * count / total if total else 0))

    def report(label, truth_of, with_header, only_truth_pages=False):
        triples = []
        for page in pages:
            truth = truth_of(page['comments_true'])
            if only_truth_pages and not score.tokenize(truth):
                continue
            triples.append(score.tp_fp_fn(truth, '\n'.join(flatten(outputs[page['id']], with_header))))
        scores = score.aggregate(triples)
        print('%-46s F1 %.3f  P %.3f  R %.3f' % (label, scores['f1'], scores['precision'], scores['recall']))

    keep = lambda truth: truth
    without_headers = lambda truth: '\n'.join(line for line in truth.split('\n') if not is_header(line))
    report('as emitted (what score.py prints)', keep, False)
    report('author and date put before each text', keep, True)
    report('as emitted (truth pages)', keep, False, only_truth_pages=True)
    report('truth without header-like lines (truth pages)', without_headers, False, only_truth_pages=True)


if __name__ == '__main__':
    main()
