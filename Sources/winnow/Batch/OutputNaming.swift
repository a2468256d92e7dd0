import Foundation
import Winnow

/// Names the file each record gets under `--output-dir`: a page file keeps
/// its path relative to the directory it was found in (`a/b.html` →
/// `a/b.json`); a record with a URL is named after it (`host/path_query.json`);
/// others after their input and line or offset. Every segment is reduced to
/// safe characters and can never be `..`, so no name leaves the directory;
/// a name already given in this run gets `~2`, `~3`, … before `.json`.
/// Names depend only on the records and their order, so `--resume` finds
/// the same ones again.
struct OutputNaming {
    private var used: Set<String> = []
    static let maximumSegmentLength = 100
    static let maximumDepth = 8

    mutating func name(for provenance: Provenance, relativePath: String?) -> String {
        let segments: [String]
        if provenance.line == nil && provenance.offset == nil, let relativePath {
            segments = OutputNaming.fileSegments(relativePath)
        } else if let uri = provenance.targetURI, let fromURL = OutputNaming.urlSegments(uri) {
            segments = fromURL
        } else {
            let base = (provenance.input as NSString).lastPathComponent
            let leaf = provenance.line.map { "line-\($0)" } ?? provenance.offset.map { "record-\($0)" } ?? "record"
            segments = [OutputNaming.safe(base), leaf]
        }
        let stem = segments.joined(separator: "/")
        var candidate = stem + ".json"
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = "\(stem)~\(counter).json"
            counter += 1
        }
        return candidate
    }

    /// A file's relative path without its extension. An absolute path or
    /// one that climbs (`..`) keeps only its file name.
    static func fileSegments(_ path: String) -> [String] {
        var parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
        if path.hasPrefix("/") || parts.contains("..") { parts = parts.last.map { [$0] } ?? [] }
        if var last = parts.popLast() {
            let ext = (last as NSString).pathExtension
            if !ext.isEmpty { last = String(last.dropLast(ext.count + 1)) }
            parts.append(last)
        }
        return limitDepth(parts.map(safe))
    }

    static func urlSegments(_ uri: String) -> [String]? {
        guard let components = URLComponents(string: uri), let host = components.host, !host.isEmpty else { return nil }
        var hostName = host.lowercased()
        if let port = components.port { hostName += "_\(port)" }
        // Dot segments are resolved as a browser would (`/../` at the root
        // stays at the root), so they name nothing outside the host.
        var path: [String] = []
        for segment in components.percentEncodedPath.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = path.popLast()
            default: path.append(String(segment))
            }
        }
        if path.isEmpty { path = ["index"] }
        if let query = components.percentEncodedQuery, !query.isEmpty {
            path[path.count - 1] += "_" + query
        }
        return limitDepth([safe(hostName)] + path.map(safe))
    }

    /// Deep paths fold their tail into the last segment.
    private static func limitDepth(_ segments: [String]) -> [String] {
        guard segments.count > maximumDepth else { return segments.isEmpty ? ["_"] : segments }
        let head = segments.prefix(maximumDepth - 1)
        return Array(head) + [safe(segments.dropFirst(maximumDepth - 1).joined(separator: "_"))]
    }

    /// Letters, digits, `.`, `-` and `_`; anything else becomes `_`. No
    /// segment is empty, starts with a dot (`.`, `..`, hidden files) or is
    /// longer than the limit.
    static func safe(_ segment: String) -> String {
        var result = ""
        for scalar in segment.unicodeScalars.prefix(maximumSegmentLength) {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_": result.unicodeScalars.append(scalar)
            default: result += "_"
            }
        }
        if result.isEmpty { return "_" }
        if result.hasPrefix(".") { result = "_" + result.dropFirst() }
        return result
    }
}
