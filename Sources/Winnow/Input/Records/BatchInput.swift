#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a batch reads, and how.
public struct BatchInputOptions: Sendable {
    /// Pages larger than this are failures, never held whole.
    public var maximumBytes: Int
    public var fields: JSONLinesFields
    /// Which files a directory walk takes.
    public var globs: [String]
    /// What standard input (`-`) is called in records and messages, and
    /// read as: a caller streaming a file through a pipe (a Spark task
    /// reading from S3, say) names it, so its records say where they came
    /// from and its format is told by the name as a file's would be. Nil:
    /// `<stdin>`, its format told by its first bytes.
    public var standardInputName: String?

    /// Pages, plain or gzip-compressed as crawls store them.
    public static let defaultGlobs = ["*.html", "*.htm", "*.html.gz", "*.htm.gz"]

    public init(
        maximumBytes: Int, fields: JSONLinesFields = JSONLinesFields(), globs: [String] = BatchInputOptions.defaultGlobs,
        standardInputName: String? = nil
    ) {
        self.maximumBytes = maximumBytes
        self.fields = fields
        self.globs = globs
        self.standardInputName = standardInputName
    }
}

/// Every record of a batch's inputs, in order: files, directories walked,
/// JSON Lines, WARC, standard input (`-`), one source open at a time.
public final class BatchInput {
    /// One item and, for a page file, its path relative to the directory
    /// it was found in (or as given), which names its output file.
    public struct Read {
        public let item: InputItem
        public let relativePath: String?
    }

    private let paths: [String]
    private let options: BatchInputOptions
    private var pathIndex = 0
    private var walk: DirectoryWalk?
    private var source: PageSource?
    private var sourceRelativePath: String?
    private var finishedBytes = 0

    public init(paths: [String], options: BatchInputOptions) {
        self.paths = paths
        self.options = options
    }

    /// Bytes read from the input files so far (compressed bytes for gzip).
    public var bytesConsumed: Int { finishedBytes + (source?.bytesConsumed ?? 0) }

    public func next() -> Read? {
        while true {
            if let current = source {
                if let item = current.next() { return Read(item: item, relativePath: sourceRelativePath) }
                finishedBytes += current.bytesConsumed
                source = nil
            }
            if let directory = walk {
                switch directory.next() {
                case .file(let path, let relativePath):
                    open(path, relativePath: relativePath)
                    continue
                case .failure(let provenance, let error):
                    return Read(item: .failure(provenance, error), relativePath: nil)
                case .skipped(let reason):
                    return Read(item: .skipped(reason: reason), relativePath: nil)
                case nil:
                    walk = nil
                }
            }
            guard pathIndex < paths.count else { return nil }
            let path = paths[pathIndex]
            pathIndex += 1
            if path != "-", BatchInput.isDirectory(path) {
                walk = DirectoryWalk(root: path, globs: options.globs)
                continue
            }
            open(path, relativePath: path)
        }
    }

    /// Opens the source for one file (or `-`). A file that cannot be opened
    /// becomes a source of one failure.
    private func open(_ path: String, relativePath: String) {
        sourceRelativePath = relativePath
        let format: InputFormat?
        let name: String
        if path == "-" {
            name = options.standardInputName ?? "<stdin>"
            // Standard input holds records: a name that says WARC or JSON
            // Lines decides, any other name leaves it to the first bytes.
            format = options.standardInputName.map { InputFormat.of(path: $0) }.flatMap { $0 == .html ? nil : $0 }
        } else {
            name = path
            format = InputFormat.of(path: path)
        }
        if format == .html {
            source = HTMLFileSource(path: path, name: path, maximumBytes: options.maximumBytes)
            return
        }
        do {
            let file = try FileStream(path: path)
            var stream: ByteStream = file
            var start = try ReplayStream.start(of: file, count: 2)
            stream = ReplayStream(prefix: start, rest: file)
            if start == [0x1F, 0x8B] {
                stream = GzipStream(stream, name: name)
            }
            var resolved = format
            if resolved == nil {
                start = try ReplayStream.start(of: stream, count: 5)
                stream = ReplayStream(prefix: start, rest: stream)
                resolved = InputFormat.sniff(start)
            }
            switch resolved {
            case .warc:
                source = WARCSource(stream, name: name, maximumBytes: options.maximumBytes)
            default:
                source = JSONLinesSource(stream, name: name, fields: options.fields, maximumBytes: options.maximumBytes)
            }
        } catch {
            source = FailedSource(Provenance(input: name), error)
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
