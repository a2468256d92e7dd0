/// A URL cut into what its shape tells of the page: the host, the path's
/// segments (lower case, empty ones and `index.*` dropped), whether the
/// path holds a date (`/2024/03/`), and how many words the last segment
/// has (`how-to-back-up-my-system` has six: a story's or product's slug).
struct URLParts {
    var host = ""
    var segments: [String] = []
    var hasQuery = false

    init(_ url: String?) {
        guard let url, let schemeEnd = url.range(of: "://") else { return }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        host = String(authority.split(separator: "@").last?.prefix { $0 != ":" } ?? "").lowercased()
        let afterAuthority = rest.dropFirst(authority.count)
        let path = afterAuthority.prefix { $0 != "?" && $0 != "#" }
        hasQuery = afterAuthority.dropFirst(path.count).hasPrefix("?")
        segments = path.split(separator: "/").map { $0.lowercased() }.filter { !$0.isEmpty && !$0.hasPrefix("index.") }
    }

    /// The host's first label, without `www`: `forum` of `forum.example.org`.
    var firstHostLabel: String {
        let labels = host.split(separator: ".")
        let first = labels.first == "www" ? labels.dropFirst().first : labels.first
        return first.map(String.init) ?? ""
    }

    /// A year segment (1990-2099) followed by a month segment (01-12).
    var hasDatePath: Bool {
        for (year, month) in zip(segments, segments.dropFirst()) {
            guard year.count == 4, let yearValue = Int(year), (1990...2099).contains(yearValue) else { continue }
            if month.count <= 2, let monthValue = Int(month), (1...12).contains(monthValue) { return true }
        }
        return false
    }

    /// Words of the last segment, split at `-` and `_` (its extension off).
    var lastSegmentWords: Int {
        guard var last = segments.last else { return 0 }
        if let dot = last.lastIndex(of: "."), last.distance(from: dot, to: last.endIndex) <= 6 {
            last = String(last[..<dot])
        }
        return last.split { $0 == "-" || $0 == "_" }.filter { $0.contains(where: \.isLetter) }.count
    }
}
