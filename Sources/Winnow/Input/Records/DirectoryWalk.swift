#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under a directory whose names match the globs, depth first,
/// each directory's entries in byte order (the same walk every run, so
/// output order and `--resume` are stable). Directory symbolic links are
/// followed, but a directory is never entered twice: a link back to an
/// ancestor is reported as a loop, a second way into a directory already
/// walked is counted as skipped.
public final class DirectoryWalk {
    public enum Entry: Equatable {
        /// A matching file: its path, and its path relative to the root.
        case file(path: String, relativePath: String)
        case failure(Provenance, InputError)
        case skipped(reason: String)
    }

    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private struct Frame {
        let path: String
        let relativePath: String
        let identity: Identity
        let names: [String]
        var index = 0
    }

    private let root: String
    private let globs: [String]
    private var stack: [Frame] = []
    private var visited: Set<Identity> = []
    private var pending: [Entry] = []
    private var started = false

    /// `globs` are shell patterns (`*.html`): one without a slash is matched
    /// against the file name, one with a slash against the relative path.
    public init(root: String, globs: [String]) {
        self.root = root
        self.globs = globs
    }

    public func next() -> Entry? {
        if !started {
            started = true
            enter(path: root, relativePath: "")
        }
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard !stack.isEmpty else { return nil }
            let top = stack.count - 1
            guard stack[top].index < stack[top].names.count else {
                stack.removeLast()
                continue
            }
            let name = stack[top].names[stack[top].index]
            stack[top].index += 1
            let path = DirectoryWalk.join(stack[top].path, name)
            let relativePath = stack[top].relativePath.isEmpty ? name : stack[top].relativePath + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else {
                // A dangling link or an entry gone since the listing: it
                // matters only when it would have been read.
                if matches(name: name, relativePath: relativePath) {
                    return .failure(Provenance(input: path), FileStream.error(path, errno: errno))
                }
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                enter(path: path, relativePath: relativePath)
            case S_IFREG:
                if matches(name: name, relativePath: relativePath) {
                    return .file(path: path, relativePath: relativePath)
                }
            default:
                if matches(name: name, relativePath: relativePath) { return .skipped(reason: "not-a-regular-file") }
            }
        }
    }

    private func enter(path: String, relativePath: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            pending.append(.failure(Provenance(input: path), FileStream.error(path, errno: errno)))
            return
        }
        let identity = Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        if let ancestor = stack.first(where: { $0.identity == identity }) {
            let target = ancestor.relativePath.isEmpty ? root : DirectoryWalk.join(root, ancestor.relativePath)
            pending.append(
                .failure(
                    Provenance(input: path),
                    InputError(
                        kind: "symlink-loop",
                        message: "\(path): symbolic link loop: leads back to \(target); not followed")))
            return
        }
        guard visited.insert(identity).inserted else {
            pending.append(.skipped(reason: "directory-seen-twice"))
            return
        }
        guard let directory = opendir(path) else {
            pending.append(.failure(Provenance(input: path), FileStream.error(path, errno: errno)))
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        stack.append(Frame(path: path, relativePath: relativePath, identity: identity, names: names))
    }

    private func matches(name: String, relativePath: String) -> Bool {
        globs.contains { glob in
            fnmatch(glob, glob.contains("/") ? relativePath : name, 0) == 0
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
