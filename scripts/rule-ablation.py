#!/usr/bin/env python3
"""Leave-one-rule-out: what each built-in rule is worth on the dev set.

Runs `winnow eval` once with the built-in rules as they are, then once per
rule with that rule disabled (a rule file `- disable: [ID]`), and prints
each set's and each page type's main-text F1 (and dragnet's comments F1)
as the change from the first run: a positive figure is what the set gains
without the rule. A rule that helps one page type and costs another shows
both, which is what `page-types:` on a rule is for; look at the pages
behind a figure before acting on it (one page can make it).

Usage:
    swift build -c release
    python3 scripts/rule-ablation.py [--winnow .build/release/winnow]
        [--devset ../shared/devset] [--rule ID]... [--out DIR]

About 40 s a rule on 2 cores (45 rules: half an hour).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILTIN = os.path.join(REPOSITORY, "Sources", "Winnow", "Rules", "builtin-rules.yaml")
COLUMNS = ["wcxb", "article", "forum", "product", "collection", "listing",
           "documentation", "service", "dragnet", "readability", "comments"]
ROW = re.compile(r"^(\w+)\s+\d+\s+([\d.]+)\s+[\d.]+\s+[\d.]+")
COMMENTS = re.compile(r"^dragnet\s+\d+\s+[\d.]+.*?\|\s+([\d.]+)")


def figures(output):
    """The F1 of each set and page type (the first row of each name), and
    dragnet's comments F1, from `winnow eval`'s tables."""
    found = {}
    for line in output.splitlines():
        row = ROW.match(line)
        if row and row.group(1) not in found:
            found[row.group(1)] = float(row.group(2))
        comments = COMMENTS.match(line)
        if comments:
            found["comments"] = float(comments.group(1))
    return found


def evaluate(winnow, devset, rules_file=None):
    command = [winnow, "eval", devset, "--set", "wcxb", "--set", "dragnet", "--set", "readability", "--worst", "0"]
    if rules_file:
        command += ["--rules", rules_file]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"rule-ablation: {' '.join(command)} failed: {result.stderr.strip()}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", default=os.path.join(REPOSITORY, ".build", "release", "winnow"))
    parser.add_argument("--devset", default=os.path.join(REPOSITORY, "..", "shared", "devset"))
    parser.add_argument("--rule", action="append", help="only these rules (repeatable)")
    parser.add_argument("--out", help="keep each run's eval output in this folder")
    args = parser.parse_args()

    ids = args.rule or re.findall(r"^- id: (\S+)", open(BUILTIN).read(), re.M)
    base = figures(evaluate(args.winnow, args.devset))
    print("%-28s" % "disabled rule" + "".join("%9s" % name[:8] for name in COLUMNS))
    print("%-28s" % "(none)" + "".join("%9.3f" % base.get(name, 0) for name in COLUMNS), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for rule in ids:
            rules_file = os.path.join(scratch, f"{rule}.yaml")
            with open(rules_file, "w") as handle:
                handle.write(f"- disable: [{rule}]\n")
            output = evaluate(args.winnow, args.devset, rules_file)
            if args.out:
                os.makedirs(args.out, exist_ok=True)
                with open(os.path.join(args.out, f"{rule}.txt"), "w") as handle:
                    handle.write(output)
            without = figures(output)
            print("%-28s" % rule + "".join("%+9.3f" % (without.get(name, 0) - base.get(name, 0)) for name in COLUMNS), flush=True)


if __name__ == "__main__":
    main()
