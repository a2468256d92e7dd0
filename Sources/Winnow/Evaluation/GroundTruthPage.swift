import Foundation

/// One page of a ground-truth folder: `<set>/<id>/page.html` (or
/// `page.html.gz`, the same bytes compressed) with the true
/// main text (`main.txt`), optionally the true comments (`comments.txt`;
/// an empty file means the page has none) and its URL (`meta.json`'s
/// `url`, else the set's `index.jsonl` row), as `score.py` reads them;
/// and the title, author and date `meta.json` gives, for the metadata
/// figures.
public struct GroundTruthPage: Sendable {
    public let set: String
    public let id: String
    public let folder: URL
    /// The page's folder under the directory it was found in: `<set>/<id>`,
    /// or `<id>` when that directory is one set.
    public let relativePath: String
    public let url: String?
    public let mainTruth: String
    /// `nil` when the set does not annotate comments for this page.
    public let commentsTruth: String?
    /// The page's type as the set annotates it (`meta.json`'s `page_type`).
    public let pageType: PageType?
    /// The title, author line and publication date `meta.json` gives.
    public let metadata: MetadataTruth

    /// `page.html`, or `page.html.gz` where the page is stored compressed.
    public let pageFile: URL

    /// The names a page may be stored under, in the order they are looked for.
    static let pageFileNames = ["page.html", "page.html.gz"]

    /// The page file of `folder`, if it has one.
    static func pageFile(in folder: URL) -> URL? {
        pageFileNames.lazy.map { folder.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The page's bytes as served (inflated when stored compressed).
    public func pageBytes() throws -> [UInt8] {
        let stored = try [UInt8](Data(contentsOf: pageFile))
        return try GzippedPage.inflatedIfGzipped(stored, name: pageFile.path, limit: Int.max)
    }

    /// Every page of `directory`: either sets of pages
    /// (`<set>/<id>/page.html`, as the development set) or one set of
    /// pages (`<id>/page.html`, named after the folder). Sets and ids in
    /// name order, as `score.py` sorts them.
    public static func all(in directory: URL, sets only: Set<String> = []) throws -> [GroundTruthPage] {
        let manager = FileManager.default
        func subfolders(_ url: URL) throws -> [String] {
            try manager.contentsOfDirectory(atPath: url.path).sorted().filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".")
                    && manager.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            }
        }
        func hasPage(_ url: URL) -> Bool { pageFile(in: url) != nil }

        let topLevel = try subfolders(directory)
        let setFolders: [(String, URL)]
        let indexURLs: [String: String]
        let isOneSet = topLevel.contains(where: { hasPage(directory.appendingPathComponent($0)) })
        if isOneSet {
            setFolders = [(directory.lastPathComponent, directory)]
            // One set of the development set: its URLs are in the parent's
            // index (scored as `devset --set NAME` would be).
            let own = try IndexFile.urls(in: directory)
            indexURLs = own.isEmpty ? try IndexFile.urls(in: directory.deletingLastPathComponent()) : own
        } else {
            setFolders = topLevel.map { ($0, directory.appendingPathComponent($0, isDirectory: true)) }
            indexURLs = try IndexFile.urls(in: directory)
        }
        var pages: [GroundTruthPage] = []
        for (set, setFolder) in setFolders where only.isEmpty || only.contains(set) {
            for id in try subfolders(setFolder) {
                let folder = setFolder.appendingPathComponent(id, isDirectory: true)
                guard hasPage(folder) else { continue }
                pages.append(
                    try GroundTruthPage(
                        set: set, id: id, folder: folder, relativePath: isOneSet ? id : "\(set)/\(id)",
                        indexURL: indexURLs["\(set)/\(id)"]))
            }
        }
        return pages
    }

    init(set: String, id: String, folder: URL, relativePath: String, indexURL: String?) throws {
        self.set = set
        self.id = id
        self.folder = folder
        self.relativePath = relativePath
        self.pageFile = GroundTruthPage.pageFile(in: folder) ?? folder.appendingPathComponent("page.html")
        let manager = FileManager.default
        func text(_ name: String) throws -> String? {
            let file = folder.appendingPathComponent(name)
            guard manager.fileExists(atPath: file.path) else { return nil }
            return try String(contentsOf: file, encoding: .utf8)
        }
        mainTruth = try text("main.txt") ?? ""
        commentsTruth = try text("comments.txt")
        var meta: [String: JSONValue] = [:]
        if let text = try text("meta.json"), case .object(let members)? = try? JSONValueParser.parse(text) {
            meta = Dictionary(members, uniquingKeysWith: { first, _ in first })
        }
        func string(_ key: String) -> String? {
            if case .string(let value)? = meta[key], !value.isEmpty { return value }
            return nil
        }
        self.url = string("url") ?? indexURL.flatMap { $0.isEmpty ? nil : $0 }
        pageType = string("page_type").flatMap(PageType.init(named:))
        metadata = MetadataTruth(title: string("title"), author: string("author"), published: string("published"))
    }

    /// `index.jsonl`: one JSON object a line with `set`, `id` and `url`.
    enum IndexFile {
        static func urls(in directory: URL) throws -> [String: String] {
            let file = directory.appendingPathComponent("index.jsonl")
            guard FileManager.default.fileExists(atPath: file.path) else { return [:] }
            var urls: [String: String] = [:]
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                guard case .object(let members)? = try? JSONValueParser.parse(String(line)) else { continue }
                let fields = Dictionary(members, uniquingKeysWith: { first, _ in first })
                if case .string(let set)? = fields["set"], case .string(let id)? = fields["id"],
                    case .string(let url)? = fields["url"]
                {
                    urls["\(set)/\(id)"] = url
                }
            }
            return urls
        }
    }
}
