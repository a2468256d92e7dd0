import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `winnow batch-worker` process, seen from the batch: started on
/// first use, handed one page at a time, and started again after a page
/// took it down. Used by one batch thread at a time.
///
/// Why processes: a Swift trap (an overflow, a failed precondition) cannot
/// be caught inside the process that hits it, so a page that trapped
/// in-process took the whole batch down, and `--resume` reached the same
/// page and died again. A worker's death costs its page alone: the page
/// gets an `internal` error record and the next page a fresh worker. The
/// same holds for a page that runs past its time inside a stage (which the
/// pipeline's own limit, read between stages, cannot stop) and for one the
/// kernel kills for memory.
final class CleaningWorker {
    /// How workers are started: the same executable, the batch's cleaning
    /// options as arguments.
    struct Launch: Sendable {
        let executable: String
        let arguments: [String]
        let environment: [String]
    }

    enum Outcome {
        /// The worker's answer: nil and the record's whole line, or an
        /// error kind and its message (UTF-8).
        case cleaned(errorKind: String?, text: [UInt8])
        /// The record's whole line, of a page that had no address.
        case cleanedWithoutAddress(line: [UInt8])
        /// The worker ended without answering; why, for people.
        case died(String)
        /// The deadline passed; the worker was killed.
        case timedOut
    }

    /// The worker could not be started, or ended before it took a page
    /// (its rules, say): no page can be cleaned.
    struct StartFailure: Error {
        let message: String
    }

    private let launch: Launch
    private let registry: WorkerRegistry
    private var running: (pid: pid_t, toWorker: Int32, fromWorker: Int32)?
    /// Bytes the pipe to the running worker holds.
    private var pipeCapacity = 0

    /// The pipes' size asked for (Linux's default limit for a process that
    /// is not privileged): a page sent ahead waits in the pipe while the
    /// worker cleans the one before it, so the worker never waits for the
    /// batch between pages (`BatchRunner`). Pages larger than this are
    /// sent when the worker is free, as before.
    static let pipeSize: Int32 = 1 << 20

    /// How long a new worker may take to load its rules and say it is ready.
    static let startTimeout: UInt64 = 60_000_000_000

    init(launch: Launch, registry: WorkerRegistry) {
        self.launch = launch
        self.registry = registry
    }

    deinit {
        stop()
    }

    /// A page's message, ready to send: its size is known before it is
    /// written, so the batch can tell whether it fits the pipe.
    struct Page {
        let fields: [[UInt8]?]
        var size: Int { fields.reduce(0) { $0 + 8 + ($1?.count ?? 0) } }

        /// `head` begins the record's line (`BatchRecord.head`).
        init(name: String, url: String?, charset: String?, bytes: [UInt8], head: [UInt8]) {
            fields = [Array(name.utf8), url.map { Array($0.utf8) }, charset.map { Array($0.utf8) }, bytes, head]
        }
    }

    /// Writes a page to the worker (started first if it is not running);
    /// false when the worker is gone (it died; `receive` says how).
    func send(_ page: Page) throws(StartFailure) -> Bool {
        let worker = try started()
        return WorkerMessages.write(worker.toWorker, page.fields)
    }

    /// Whether a page of `size` bytes can be sent while the worker still
    /// cleans one of `inFlight` bytes without the write waiting: the two
    /// fit the pipe even if the worker has read none of the first.
    func fitsAhead(_ size: Int, after inFlight: Int) -> Bool {
        guard running != nil else { return false }
        return min(inFlight, pipeCapacity) + size <= pipeCapacity
    }

    /// The answer to the oldest page sent, waiting until `deadline`.
    func receive(deadline: UInt64?) -> Outcome {
        guard let worker = running else { return .died("was not running") }
        switch WorkerMessages.read(worker.fromWorker, fields: WorkerMessages.resultFields, deadline: deadline) {
        case .fields(var fields):
            if fields[0] == WorkerMessages.withoutAddress { return .cleanedWithoutAddress(line: fields[1].take() ?? []) }
            let kind = fields[0].map { String(decoding: $0, as: UTF8.self) }
            return .cleaned(errorKind: kind, text: fields[1].take() ?? [])
        case .closed:
            return .died(end(killing: false))
        case .timedOut:
            _ = end(killing: true)
            return .timedOut
        }
    }

    /// After a failed `send`: the worker is gone; how it ended.
    func ended() -> String {
        end(killing: false)
    }

    /// Ends the worker: its input closed, so it exits after its page.
    func stop() {
        guard let worker = running else { return }
        running = nil
        registry.remove(worker.pid)
        close(worker.toWorker)
        _ = CleaningWorker.reap(worker.pid)
        close(worker.fromWorker)
    }

    // MARK: - Process

    private func started() throws(StartFailure) -> (pid: pid_t, toWorker: Int32, fromWorker: Int32) {
        if let running { return running }
        let worker = try CleaningWorker.spawn(launch)
        running = worker
        pipeCapacity = CleaningWorker.capacity(of: worker.toWorker)
        registry.add(worker.pid)
        let deadline = WorkerMessages.uptimeNanoseconds() + CleaningWorker.startTimeout
        switch WorkerMessages.read(worker.fromWorker, fields: WorkerMessages.readyFields, deadline: deadline) {
        case .fields(let fields) where fields.first == WorkerMessages.ready:
            return worker
        case .timedOut:
            _ = end(killing: true)
            throw StartFailure(message: "a cleaning worker did not start within \(CleaningWorker.startTimeout / 1_000_000_000) s")
        default:
            throw StartFailure(message: "a cleaning worker could not start: it \(end(killing: false))")
        }
    }

    /// Ends the worker (killed first when asked) and says how it ended.
    private func end(killing: Bool) -> String {
        guard let worker = running else { return "was not running" }
        running = nil
        // Out of the registry before it is reaped: a reaped id may be
        // given to another process.
        registry.remove(worker.pid)
        if killing { kill(worker.pid, SIGKILL) }
        close(worker.toWorker)
        close(worker.fromWorker)
        return CleaningWorker.reap(worker.pid)
    }

    /// Waits for the process and describes its end.
    private static func reap(_ pid: pid_t) -> String {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return "ended (its status is unknown)" }
        }
        let signal = status & 0x7F
        if signal == 0 { return "exited with status \((status >> 8) & 0xFF)" }
        let name = String(cString: strsignal(signal))
        return signal == SIGKILL ? "was killed (\(name): out of memory, or by hand)" : "died of signal \(signal) (\(name))"
    }

    private static func spawn(_ launch: Launch) throws(StartFailure) -> (pid: pid_t, toWorker: Int32, fromWorker: Int32) {
        // The pipes are made close-on-exec before any other worker is
        // started (one spawn at a time), so no worker inherits another's
        // ends, and each sees the end of its input when the batch closes it.
        spawnLock.lock()
        defer { spawnLock.unlock() }
        var toWorker: [Int32] = [0, 0]
        var fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0 else { throw failure("pipe") }
        guard pipe(&fromWorker) == 0 else {
            close(toWorker[0])
            close(toWorker[1])
            throw failure("pipe")
        }
        for descriptor in toWorker + fromWorker { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        #if os(Linux)
        // The answer's pipe too: a worker whose record fits it goes on to
        // its next page before the batch has read the record. A refusal
        // (a system limit) leaves the default size; `capacity` reads it.
        _ = fcntl(toWorker[1], linuxSetPipeSize, pipeSize)
        _ = fcntl(fromWorker[1], linuxSetPipeSize, pipeSize)
        #endif
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], STDOUT_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals blocked in this thread stay unblocked in the worker; the
        // ones the batch ignores (SIGINT, SIGTERM, SIGPIPE) stay ignored.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let argv = ([launch.executable] + launch.arguments).map { strdup($0) } + [nil]
        let envp = launch.environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, launch.executable, &actions, &attributes, argv, envp)
        close(toWorker[0])
        close(fromWorker[1])
        guard code == 0 else {
            close(toWorker[1])
            close(fromWorker[0])
            throw StartFailure(
                message: "cannot start a cleaning worker (\(launch.executable)): \(String(cString: strerror(code)))")
        }
        return (pid, toWorker[1], fromWorker[0])
    }

    private static let spawnLock = NSLock()

    #if os(Linux)
    // F_SETPIPE_SZ and F_GETPIPE_SZ (<fcntl.h> with _GNU_SOURCE, which the
    // Glibc module does not define).
    private static let linuxSetPipeSize: Int32 = 1031
    private static let linuxGetPipeSize: Int32 = 1032
    #endif

    /// The bytes a pipe holds before a write waits: its size on Linux, else
    /// the smallest buffer POSIX promises (PIPE_BUF) and no sending ahead
    /// of larger pages.
    private static func capacity(of descriptor: Int32) -> Int {
        #if os(Linux)
        let size = fcntl(descriptor, linuxGetPipeSize)
        if size > 0 { return Int(size) }
        #endif
        return Int(PIPE_BUF)
    }

    private static func failure(_ call: String) -> StartFailure {
        StartFailure(message: "cannot start a cleaning worker: \(call): \(String(cString: strerror(errno)))")
    }
}

/// The workers running, so a second interrupt can end them all at once.
final class WorkerRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var pids: Set<pid_t> = []
    private var killing = false

    func add(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
    func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }

    /// Kills every worker (their threads then see them die), and any
    /// started after.
    func killAll() {
        lock.withLock {
            killing = true
            for pid in pids { kill(pid, SIGKILL) }
        }
    }

    /// True once the workers were killed on purpose: their deaths are no
    /// page's fault.
    var killedAll: Bool { lock.withLock { killing } }
}
