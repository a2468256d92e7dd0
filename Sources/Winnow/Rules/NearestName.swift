/// The nearest of a few known names to a misspelt one, for "did you mean"
/// suggestions: a rule file's keys, stages and page types, the command
/// line's subcommands.
public enum NearestName {
    /// The name of `candidates` closest to `name` by edit distance, when it
    /// is close enough to be what was meant: at most 2 edits, or a third of
    /// `name`'s length for longer names (`dorp` is `drop`, `strip-boilerplat`
    /// is `strip-boilerplate`; `foo` is none of the stages). Ties go to the
    /// earlier candidate. Compared case-blind.
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// What `name` may have meant: the nearest candidate when one is close
    /// enough, else the candidates that hold `name` whole between hyphens
    /// (`boilerplate`: `strip-boilerplate`, `strip-article-boilerplate`),
    /// at most three; empty when none.
    public static func suggestions(for name: String, among candidates: [String]) -> [String] {
        if let nearest = nearest(to: name, among: candidates) { return [nearest] }
        let wanted = name.lowercased()
        guard !wanted.isEmpty else { return [] }
        let holding = candidates.filter { candidate in
            ("-" + candidate.lowercased() + "-").contains("-" + wanted + "-")
        }
        return holding.count <= 3 ? holding : []
    }

    /// The optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbouring characters (`explian`
    /// for `explain`) each count one.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows: the one before last is needed for swaps.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
