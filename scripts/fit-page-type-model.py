#!/usr/bin/env python3
"""Fits Winnow's page-type model (Sources/Winnow/Stages/PageType/page-type-model.json).

The model is a multinomial logistic regression over the named figures that
`PageEvidence` reads off a page (URL shape, structured data, what the visible
page is made of). Its input is what `winnow eval --page-features FILE` writes
for every page whose truth names its type (WCXB's dev split in ../shared/devset):

    swift build -c release
    .build/release/winnow eval ../shared/devset --page-features /tmp/page-features.jsonl
    python3 scripts/fit-page-type-model.py /tmp/page-features.jsonl \
        --assume-article dragnet --assume-article readability \
        --out Sources/Winnow/Stages/PageType/page-type-model.json

The dragnet and readability pages carry no type, but both sets are news and
blog articles (dragnet's, many with reader comments): they train the model as
articles, so that an article with a long comment thread is not taken for a
forum, and are left out of the accuracy.

Accuracy is reported by cross-validation grouped by host (no host is in both the
training and the held-out part of a fold: pages of one site look alike, and a
model must be judged on sites it has not seen). The regularisation strength is
chosen by that same grouped cross-validation; the model written is fitted on
every page. Needs scikit-learn (pip install scikit-learn).
"""
import argparse
import collections
import json
import os
import sys
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]


def load(path, devset, assume_article):
    urls = {}
    index = os.path.join(devset, "index.jsonl")
    if os.path.exists(index):
        for line in open(index):
            row = json.loads(line)
            urls[(row["set"], row["id"])] = row.get("url") or ""
    rows = [json.loads(line) for line in open(path) if line.strip()]
    for r in rows:
        if not r["page_type"] and r["set"] in assume_article:
            r["page_type"] = "article"
            r["assumed"] = True
    rows = [r for r in rows if r["page_type"] in TYPES]
    names = list(rows[0]["figures"].keys())
    x = np.array([[r["figures"][n] for n in names] for r in rows])
    y = np.array([TYPES.index(r["page_type"]) for r in rows])
    hosts = [urlparse(urls.get((r["set"], r["id"]), "")).netloc.lower().removeprefix("www.") or r["id"] for r in rows]
    assumed = np.array([bool(r.get("assumed")) for r in rows])
    return names, x, y, hosts, assumed


def grouped_accuracy(x, y, hosts, assumed, c, folds=5, minimum_confidence=0.0):
    """Accuracy on the annotated pages only, each predicted by a model fitted
    without its host; pages whose type is assumed only ever train. A
    decision less sure than `minimum_confidence` falls back to article, as
    the stage does."""
    groups = np.array([hash(h) for h in hosts])
    predicted = np.zeros_like(y)
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        model = LogisticRegression(C=c, max_iter=5000)
        model.fit(x[train], y[train])
        probabilities = model.predict_proba(x[test])
        best = probabilities.argmax(axis=1)
        decided = model.classes_[best]
        decided[probabilities.max(axis=1) < minimum_confidence] = TYPES.index("article")
        predicted[test] = decided
    annotated = ~assumed
    return (predicted[annotated] == y[annotated]).mean(), predicted


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("features")
    parser.add_argument("--devset", default="../shared/devset")
    parser.add_argument("--out")
    parser.add_argument("--minimum-confidence", type=float, default=0.0)
    parser.add_argument(
        "--assume-article", action="append", default=[],
        help="a set whose pages carry no type but are all articles (news and blog posts: dragnet, readability); "
        "its pages train the model as articles and are not counted in the accuracy")
    args = parser.parse_args()
    names, x, y, hosts, assumed = load(args.features, args.devset, set(args.assume_article))
    print(f"{len(y)} pages ({assumed.sum()} assumed articles), {len(names)} figures, {len(set(hosts))} hosts")
    results = []
    for c in [0.1, 0.3, 1, 3, 10, 30]:
        accuracy, predicted = grouped_accuracy(x, y, hosts, assumed, c, minimum_confidence=args.minimum_confidence)
        results.append((accuracy, c, predicted))
        print(f"C={c:<5} cross-validated accuracy (grouped by host) {accuracy:.3f}")
    accuracy, c, predicted = max(results, key=lambda r: r[0])
    print(f"chosen C={c}: {accuracy:.3f}")
    for threshold in [0.0, 0.4, 0.5, 0.6, 0.7]:
        at, cv_predicted = grouped_accuracy(x, y, hosts, assumed, c, minimum_confidence=threshold)
        articles_kept = (cv_predicted[assumed] == TYPES.index("article")).mean() if assumed.any() else float("nan")
        print(f"  below {threshold:.1f} read as article: accuracy {at:.3f}, assumed articles kept as articles {articles_kept:.3f}")
    confusion = collections.Counter(zip(y[~assumed], predicted[~assumed]))
    print("truth \\ decided  " + " ".join(t[:6].rjust(6) for t in TYPES))
    for i, t in enumerate(TYPES):
        print(f"{t:<16} " + " ".join(str(confusion[(i, j)]).rjust(6) for j in range(len(TYPES))))
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    print(f"accuracy on the annotated pages it was fitted on: {model.score(x[~assumed], y[~assumed]):.3f}")
    if assumed.any():
        print(f"assumed articles taken for articles: {(model.predict(x[assumed]) == 0).mean():.3f}")
    if args.out:
        data = {
            "about": "Fitted by scripts/fit-page-type-model.py on the page-type figures of the development set's "
            f"typed pages ({(~assumed).sum()} WCXB dev pages, and {assumed.sum()} pages of "
            f"{', '.join(args.assume_article) or 'no set'} as articles); C={c}; "
            f"cross-validated accuracy on the typed pages, grouped by host: {accuracy:.3f}.",
            "types": [TYPES[k] for k in model.classes_],
            "figures": names,
            "weights": [[round(float(w), 4) for w in row] for row in model.coef_],
            "biases": [round(float(b), 4) for b in model.intercept_],
            "minimumConfidence": args.minimum_confidence,
        }
        with open(args.out, "w") as out:
            json.dump(data, out, indent=1)
            out.write("\n")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
