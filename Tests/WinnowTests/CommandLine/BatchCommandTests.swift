import Foundation
import Testing
@testable import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow batch` run as a built binary: one record per input record, in
/// input order, bad records as error records, exit codes, the output
/// forms, --resume and interrupts. Inputs are small (the warcio files and
/// the fixtures), so the suite stays quick on two cores.
@Suite(.serialized) struct BatchCommandTests {
    static func input(_ name: String) -> String { RecordTestSupport.inputFile(name) }

    /// The output's lines as JSON objects; a line that is not one fails.
    static func records(_ data: Data) -> [[String: Any]] {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "output does not end with a newline")
        return lines.dropLast().compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON object: \(line.prefix(200))")
            return object
        }
    }

    static func errorKind(_ record: [String: Any]) -> String? {
        (record["error"] as? [String: Any])?["kind"] as? String
    }

    static func summary(_ run: WinnowProcess.Result) -> String {
        run.stderrLines.last { $0.hasPrefix("winnow: batch: ") } ?? ""
    }

    static let provenanceKeys = "{\"input\":"

    // MARK: - Inputs and records

    /// Every kind of input at once: each record gives one output record,
    /// in input order, with its provenance; the bad JSON lines are error
    /// records and the batch completes (exit 1).
    @Test func mixedInputsInInputOrder() throws {
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let scratch = try ScratchFolder()
        let folder = scratch.url.appendingPathComponent("crawl/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: page)).write(to: folder.appendingPathComponent("b.html"))
        try Data("<html><body><p>Short page.</p></body></html>".utf8).write(to: folder.appendingPathComponent("a.htm"))
        try Data("not a page".utf8).write(to: folder.appendingPathComponent("notes.txt"))

        let run = try WinnowProcess.run([
            "batch", page, scratch.url.appendingPathComponent("crawl").path, BatchCommandTests.input("pages.jsonl"),
            BatchCommandTests.input("pages.warc.gz"), "--jobs", "2",
        ])
        let records = BatchCommandTests.records(run.stdout)
        #expect(run.status == 1, "\(run.stderr)")
        // 1 file + 2 walked files + 7 JSON lines (one blank) + 6 WARC pages.
        #expect(records.count == 16)
        #expect(run.stdoutText.split(separator: "\n").allSatisfy { $0.hasPrefix(BatchCommandTests.provenanceKeys) })
        let inputs = records.map { ($0["input"] as? String ?? "") }
        #expect(inputs[0] == page)
        #expect(inputs[1].hasSuffix("crawl/sub/a.htm"))
        #expect(inputs[2].hasSuffix("crawl/sub/b.html"))
        #expect(inputs[3..<10].allSatisfy { $0 == BatchCommandTests.input("pages.jsonl") })
        #expect(records[3..<10].map { $0["line"] as? Int } == [1, 2, 3, 5, 6, 7, 8])
        #expect(inputs[10...].allSatisfy { $0 == BatchCommandTests.input("pages.warc.gz") })
        #expect(records[10...].map { $0["target_uri"] as? String } == WARCSourceTests.pageURIs)
        #expect(records[10...].allSatisfy { ($0["warc_record_id"] as? String)?.hasPrefix("<urn:uuid:") == true })
        #expect(records[10...].allSatisfy { $0["warc_date"] is String })
        #expect(records[11]["title"] as? String == "Café crème")
        // Passed-through members, untouched, under "fields".
        #expect((records[3]["fields"] as? [String: Any])?["tags"] as? [String] == ["x", "y"])
        #expect(records[3]["title"] as? String == "First line")
        #expect(records.map(BatchCommandTests.errorKind).compactMap { $0 } == [
            "bad-json", "missing-field", "bad-json", "bad-field", "missing-field",
        ])
        #expect(
            BatchCommandTests.summary(run).hasPrefix(
                "winnow: batch: 16 pages, 11 articles, 5 errors (bad-field 1, bad-json 2, missing-field 2), "
                    + "6 skipped (empty-line 1, http-status-404 1, not-html 1, warc-type-metadata 1, warc-type-request 1, warc-type-warcinfo 1); "))
    }

    /// Damaged archives: each damage is one error record, every good page
    /// still comes out, and the exit code says some records failed.
    @Test func damagedArchivesComplete() throws {
        let names = ["truncated-last.warc", "truncated-last.warc.gz", "garbage.warc", "garbage.warc.gz", "wrong-length.warc", "no-length.warc"]
        let run = try WinnowProcess.run(["batch"] + names.map(BatchCommandTests.input))
        #expect(run.status == 1)
        let records = BatchCommandTests.records(run.stdout)
        let kinds = records.compactMap(BatchCommandTests.errorKind)
        #expect(kinds == ["warc-truncated", "gzip-truncated", "warc-garbage", "gzip-corrupt", "warc-content-length", "warc-content-length", "warc-bad-header"])
        #expect(records.count - kinds.count == 5 + 5 + 6 + 6 + 4 + 5)
        for record in records {
            if let error = record["error"] as? [String: Any] {
                #expect((error["message"] as? String)?.isEmpty == false)
            } else {
                #expect(record["schema"] as? String == "winnow.article/1")
            }
        }
    }

    /// A file that fails on read (EIO, for root too) among readable ones.
    @Test func unreadableFileAmongReadableOnes() throws {
        #if os(Linux)
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let run = try WinnowProcess.run(["batch", page, "/proc/self/mem", BatchCommandTests.input("missing.html"), page])
        let records = BatchCommandTests.records(run.stdout)
        #expect(run.status == 1)
        #expect(records.map(BatchCommandTests.errorKind) == [nil, "unreadable", "missing-file", nil])
        #expect((records[1]["error"] as? [String: Any])?["message"] as? String == "/proc/self/mem: cannot be read: Input/output error")
        #endif
    }

    @Test func symbolicLinkLoopIsAnErrorRecord() throws {
        let scratch = try ScratchFolder()
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html")
        try FileManager.default.copyItem(at: page, to: scratch.url.appendingPathComponent("page.html"))
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("loop").path, withDestinationPath: ".")
        let run = try WinnowProcess.run(["batch", scratch.url.path], timeout: 60)
        let records = BatchCommandTests.records(run.stdout)
        #expect(records.count == 2)
        #expect(records.map(BatchCommandTests.errorKind) == ["symlink-loop", nil])
        #expect(run.status == 1)
    }

    /// The same records in the same order whatever the number of jobs;
    /// --unordered writes the same records in any order.
    @Test func orderDoesNotDependOnJobs() throws {
        let arguments = ["batch", Fixture.directory.path, "--glob", "page.html"]
        let one = try WinnowProcess.run(arguments + ["--jobs", "1"])
        let three = try WinnowProcess.run(arguments + ["--jobs", "3"])
        let unordered = try WinnowProcess.run(arguments + ["--jobs", "3", "--unordered"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(BatchCommandTests.records(one.stdout).count == Fixture.all().count)
        #expect(one.stdout == three.stdout)
        let sortedLines = { (data: Data) in String(decoding: data, as: UTF8.self).split(separator: "\n").sorted() }
        #expect(sortedLines(unordered.stdout) == sortedLines(one.stdout))
    }

    /// Standard input is told apart by its first bytes: JSON Lines, or a
    /// gzip-compressed WARC.
    @Test func standardInputIsSniffed() throws {
        let lines = Data("{\"url\": \"http://s.example/\", \"html\": \"<html><body><p>From stdin.</p></body></html>\"}\n".utf8)
        let fromLines = try WinnowProcess.run(["batch", "-"], input: .bytes(lines))
        #expect(fromLines.status == 0)
        #expect(BatchCommandTests.records(fromLines.stdout).first?["input"] as? String == "<stdin>")
        #expect(BatchCommandTests.records(fromLines.stdout).first?["line"] as? Int == 1)
        let archive = try Data(contentsOf: URL(fileURLWithPath: BatchCommandTests.input("pages.warc.gz")))
        let fromArchive = try WinnowProcess.run(["batch", "-"], input: .bytes(archive))
        #expect(fromArchive.status == 0)
        #expect(BatchCommandTests.records(fromArchive.stdout).map { $0["target_uri"] as? String } == WARCSourceTests.pageURIs)
    }

    /// `--input-name NAME` reads standard input as the file NAME would be
    /// read: the same records, named NAME, the format told by NAME. A file
    /// of text named `.warc` is WARC garbage by its name, where sniffing
    /// alone would read it as bad JSON lines. (The Spark job streams every
    /// input through standard input this way.)
    @Test func standardInputNamedLikeAFile() throws {
        for name in ["pages.warc.gz", "garbage.warc", "truncated-last.warc.gz", "pages.jsonl"] {
            let path = BatchCommandTests.input(name)
            let fromPath = try WinnowProcess.run(["batch", path, "--jobs", "1"])
            let fromPipe = try WinnowProcess.run(
                ["batch", "-", "--input-name", path, "--jobs", "1"],
                input: .bytes(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(fromPipe.status == fromPath.status, "\(name): \(fromPipe.stderr)")
            #expect(!fromPath.stdout.isEmpty)
            #expect(fromPipe.stdout == fromPath.stdout, "\(name)")
        }
        let text = Data("This is a note, not an archive.\n".utf8)
        let named = try WinnowProcess.run(["batch", "-", "--input-name", "s3a://crawl/notes.warc"], input: .bytes(text))
        let records = BatchCommandTests.records(named.stdout)
        #expect(records.count == 1)
        #expect(records.first?["input"] as? String == "s3a://crawl/notes.warc")
        #expect(records.first.flatMap(BatchCommandTests.errorKind) == "warc-garbage")
        let sniffed = try WinnowProcess.run(["batch", "-"], input: .bytes(text))
        #expect(BatchCommandTests.records(sniffed.stdout).first.flatMap(BatchCommandTests.errorKind) == "bad-json")

        let withoutStandardInput = try WinnowProcess.run(
            ["batch", BatchCommandTests.input("pages.warc"), "--input-name", "x.warc"])
        #expect(withoutStandardInput.status == 2)
        #expect(withoutStandardInput.stderr.contains("--input-name names standard input"))
    }

    // MARK: - Limits

    @Test func pageOverMaxBytesIsAnErrorRecord() throws {
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let size = try #require(FileManager.default.attributesOfItem(atPath: page)[.size] as? Int)
        let run = try WinnowProcess.run(["batch", page, BatchCommandTests.input("pages.warc"), "--max-bytes", "\(size - 1)"])
        let records = BatchCommandTests.records(run.stdout)
        #expect(BatchCommandTests.errorKind(records[0]) == "too-large")
        #expect(records.count == 7)
        #expect(records[1...].allSatisfy { $0["schema"] != nil })
        #expect(run.status == 1)
    }

    /// A time limit no page can meet: every page is a time-limit error
    /// record, named by the stage it stopped before.
    @Test func timeLimitExceededIsAnErrorRecord() throws {
        let run = try WinnowProcess.run(["batch", BatchCommandTests.input("pages.warc"), "--time-limit", "0.000000001"])
        let records = BatchCommandTests.records(run.stdout)
        #expect(records.count == 6)
        #expect(records.allSatisfy { BatchCommandTests.errorKind($0) == "time-limit" })
        let message = (records.first?["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("exceeded before stage"), "\(message)")
    }

    @Test func failOnErrorPolicy() throws {
        let input = BatchCommandTests.input("pages.jsonl")  // 2 articles, 5 errors
        #expect(try WinnowProcess.run(["batch", input, "--fail-on-error", "never"]).status == 0)
        #expect(try WinnowProcess.run(["batch", input, "--fail-on-error", "80%"]).status == 0)
        #expect(try WinnowProcess.run(["batch", input, "--fail-on-error", "50%"]).status == 1)
        #expect(try WinnowProcess.run(["batch", input]).status == 1)
        #expect(try WinnowProcess.run(["batch", BatchCommandTests.input("pages.warc")]).status == 0)
    }

    /// Rule files work as in `clean`: a bad one stops the batch before any
    /// input is read (exit 9, file and line named); a good one applies to
    /// every record.
    @Test func ruleFilesAreCheckedFirstAndApplied() throws {
        let scratch = try ScratchFolder()
        let bad = scratch.url.appendingPathComponent("bad.yaml")
        try Data("- id: x\n  stage: nope\n  drop: p\n".utf8).write(to: bad)
        let refused = try WinnowProcess.run(["batch", BatchCommandTests.input("pages.jsonl"), "--rules", bad.path])
        #expect(refused.status == 9)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("bad.yaml:2"), "\(refused.stderr)")

        let page = TestSupport.repositoryRoot.appendingPathComponent("Fixtures/seed-aggregator/page.html").path
        let plain = BatchCommandTests.records(try WinnowProcess.run(["batch", page]).stdout)
        #expect((plain.first?["text"] as? String)?.contains("During his interview, Lukashenko") == true)
        let good = scratch.url.appendingPathComponent("good.yaml")
        let rule = #"""
            - id: no-interview
              stage: strip-article-boilerplate
              drop: 'xpath:descendant::p[starts-with(normalize-space(.), "During his interview")]'

            """#
        try Data(rule.utf8).write(to: good)
        let ruled = try WinnowProcess.run(["batch", page, "--rules", good.path, "--explain"])
        let record = try #require(BatchCommandTests.records(ruled.stdout).first)
        let removed = record["removed"] as? [[String: Any]] ?? []
        #expect(removed.contains { $0["rule"] as? String == "no-interview" })
        #expect((record["text"] as? String)?.contains("During his interview") == false)
    }

    @Test func usageErrorsExit2() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("out.jsonl").path
        let cases: [[String]] = [
            ["batch"],
            ["batch", "x.html", "--jobs", "0"],
            ["batch", "x.html", "--resume"],
            ["batch", "x.html", "-o", out, "--output-dir", scratch.url.path],
            ["batch", "x.html", "--fail-on-error", "sometimes"],
            ["batch", "x.html", "--max-bytes", "lots"],
            ["batch", "x.html", "--no-such-option"],
        ]
        for arguments in cases {
            let run = try WinnowProcess.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("Error:"), "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
        // `clean` keeps its documented 64.
        #expect(try WinnowProcess.run(["clean", "--format", "pdf"]).status == 64)
        // Help is not an error.
        let help = try WinnowProcess.run(["batch", "--help"])
        #expect(help.status == 0)
        let helpText = help.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(helpText.contains("2 usage errors"), "\(helpText)")
    }

    // MARK: - Outputs

    @Test func statsFileMatchesTheSummary() throws {
        let scratch = try ScratchFolder()
        let stats = scratch.url.appendingPathComponent("stats.json").path
        let run = try WinnowProcess.run(["batch", BatchCommandTests.input("pages.jsonl"), "--stats", stats])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stats))) as? [String: Any])
        #expect(json["pages"] as? Int == 7)
        #expect(json["articles"] as? Int == 2)
        #expect(json["errors"] as? Int == 5)
        #expect(json["errors_by_kind"] as? [String: Int] == ["bad-field": 1, "bad-json": 2, "missing-field": 2])
        #expect(json["skipped_by_reason"] as? [String: Int] == ["empty-line": 1])
        #expect(json["elapsed_seconds"] is Double || json["elapsed_seconds"] is Int)
        #expect(BatchCommandTests.summary(run).hasPrefix("winnow: batch: 7 pages, 2 articles, 5 errors"))
        // Standard error is not a terminal here: the summary alone, no progress.
        #expect(run.stderrLines.count == 1)
        // A text file, as `cat` and `jq` expect it: one line, ended.
        let text = try String(contentsOfFile: stats, encoding: .utf8)
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1)
    }

    /// One of a thing is singular in the summary: "1 page", not "1 pages".
    @Test func summaryCountsOneInTheSingular() throws {
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let one = try WinnowProcess.run(["batch", page])
        #expect(BatchCommandTests.summary(one).hasPrefix("winnow: batch: 1 page, 1 article, 0 errors, 0 skipped;"))
        let failing = try WinnowProcess.run(["batch", page, "/nonexistent/page.html"])
        #expect(
            BatchCommandTests.summary(failing).hasPrefix("winnow: batch: 2 pages, 1 article, 1 error (missing-file 1), 0 skipped;"))
    }

    /// Every record has the same keys, whatever its input: `fields` is
    /// `null` for HTML files and WARC records, an object for JSON Lines,
    /// always right after the provenance.
    @Test func everyRecordHasTheFieldsKey() throws {
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let run = try WinnowProcess.run(
            ["batch", page, BatchCommandTests.input("pages.warc"), BatchCommandTests.input("pages.jsonl")])
        let lines = run.stdoutText.split(separator: "\n")
        let records = BatchCommandTests.records(run.stdout)
        #expect(records.count == lines.count && records.count > 8)
        var nulls = 0
        for (record, line) in zip(records, lines) {
            let fromJSONLines = (record["input"] as? String)?.hasSuffix(".jsonl") == true
            if fromJSONLines && record["error"] == nil {
                #expect(record["fields"] is [String: Any], "\(line.prefix(300))")
            } else if !fromJSONLines {
                #expect(record["fields"] is NSNull, "\(line.prefix(300))")
                #expect(line.contains(#","fields":null,"#))
                nulls += 1
            }
            #expect(record.keys.contains("fields"))
        }
        #expect(nulls > 1)
    }

    /// `.jsonl.gz` output holds the same lines as plain output.
    @Test func compressedOutput() throws {
        let scratch = try ScratchFolder()
        let plain = scratch.url.appendingPathComponent("out.jsonl").path
        let packed = scratch.url.appendingPathComponent("out.jsonl.gz").path
        let input = BatchCommandTests.input("pages.warc.gz")
        #expect(try WinnowProcess.run(["batch", input, "-o", plain]).status == 0)
        #expect(try WinnowProcess.run(["batch", input, "-o", packed]).status == 0)
        let (bytes, errors) = RecordTestSupport.drain(GzipStream(try FileStream(path: packed), name: packed))
        #expect(errors.isEmpty)
        #expect(Data(bytes) == (try Data(contentsOf: URL(fileURLWithPath: plain))))
        #expect(BatchCommandTests.records(Data(bytes)).count == 6)
    }

    /// One file per record: page files keep their relative paths, URLs
    /// become safe names inside the directory, never outside it.
    @Test func outputDirectoryNames() throws {
        let scratch = try ScratchFolder()
        let crawl = scratch.url.appendingPathComponent("crawl/2024")
        try FileManager.default.createDirectory(at: crawl, withIntermediateDirectories: true)
        try Data("<html><body><p>Walked page.</p></body></html>".utf8).write(to: crawl.appendingPathComponent("a.html"))
        let lines = [
            "{\"url\": \"http://evil.example/../../../etc/passwd\", \"html\": \"<p>a</p>\"}",
            "{\"url\": \"http://evil.example/../../../etc/passwd\", \"html\": \"<p>again</p>\"}",
            "{\"url\": \"https://News.example:8080/a%20b/?q=1&r=/x\", \"html\": \"<p>b</p>\"}",
            "{\"html\": \"<p>no url</p>\"}",
            "not json",
        ]
        let jsonl = try scratch.file("list.jsonl", Data((lines.joined(separator: "\n") + "\n").utf8))
        let out = scratch.url.appendingPathComponent("out").path
        let run = try WinnowProcess.run(["batch", scratch.url.appendingPathComponent("crawl").path, jsonl, "--output-dir", out])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: out)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        #expect(
            files.sorted() == [
                "2024/a.json", "evil.example/etc/passwd.json", "evil.example/etc/passwd~2.json",
                "list.jsonl/line-4.json", "list.jsonl/line-5.json", "news.example_8080/a_20b_q_1_r__x.json",
            ])
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/list.jsonl/line-5.json")))
                as? [String: Any])
        #expect(BatchCommandTests.errorKind(record) == "bad-json")
    }

    /// An output that cannot be made is refused before any input is read.
    @Test func outputsThatCannotBeOpenedExit2() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.file("occupied", Data("a file".utf8))
        let run = try WinnowProcess.run(["batch", BatchCommandTests.input("pages.warc"), "--output-dir", file + "/out"])
        #expect(run.status == 2)
        #expect(run.stderrLines == ["winnow: \(file)/out: cannot create the output directory: Not a directory"], "\(run.stderr)")
        let toFile = try WinnowProcess.run(["batch", BatchCommandTests.input("pages.warc"), "-o", file + "/out.jsonl"])
        #expect(toFile.status == 2)
        #expect(toFile.stderrLines == ["winnow: \(file)/out.jsonl: cannot open for writing: Not a directory"], "\(toFile.stderr)")
    }

    /// A place inside the output directory that cannot be written (a file
    /// where a folder should be): those records fail with a message, the
    /// others are written.
    @Test func unwritablePlaceInOutputDirectory() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: out.appendingPathComponent("example.com"))
        let run = try WinnowProcess.run(["batch", BatchCommandTests.input("pages.warc"), "--output-dir", out.path])
        #expect(run.status == 1)
        let failures = run.stderrLines.filter { $0.contains("cannot create its directory") }
        #expect(failures.count == 6, "\(run.stderr)")
        #expect(BatchCommandTests.summary(run).contains("6 errors (write-failed 6)"))
    }

    // MARK: - Resume and interrupts

    /// A run cut short (a last line without its newline) is completed by
    /// --resume into the output of one uninterrupted run.
    @Test(arguments: ["out.jsonl", "out.jsonl.gz"])
    func resumeCompletesAnInterruptedOutput(_ name: String) throws {
        let scratch = try ScratchFolder()
        let full = scratch.url.appendingPathComponent("full-" + name).path
        let partial = scratch.url.appendingPathComponent(name).path
        let inputs = [BatchCommandTests.input("pages.jsonl"), BatchCommandTests.input("pages.warc.gz")]
        _ = try WinnowProcess.run(["batch"] + inputs + ["-o", full])
        let fullText = try BatchCommandTests.text(of: full)
        let fullLines = fullText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fullLines.count == 14)

        // Four whole lines and half of the fifth, as a crash leaves them.
        let cut = fullLines.prefix(4).joined(separator: "\n") + "\n" + fullLines[4].prefix(40)
        if name.hasSuffix(".gz") {
            // Whole lines in a finished member, the rest in a cut one.
            let whole = RecordTestSupport.gzipMember(fullLines.prefix(4).joined(separator: "\n") + "\n")
            let broken = RecordTestSupport.gzipMember(String(fullLines[4].prefix(40)))
            try Data(whole + broken.prefix(broken.count / 2)).write(to: URL(fileURLWithPath: partial))
        } else {
            try Data(cut.utf8).write(to: URL(fileURLWithPath: partial))
        }
        let resumed = try WinnowProcess.run(["batch"] + inputs + ["-o", partial, "--resume"])
        #expect(try BatchCommandTests.text(of: partial) == fullText)
        #expect(BatchCommandTests.summary(resumed).contains("already-in-output 4"), "\(resumed.stderr)")
        // Nothing left to do: a second resume adds nothing.
        let again = try WinnowProcess.run(["batch"] + inputs + ["-o", partial, "--resume"])
        #expect(try BatchCommandTests.text(of: partial) == fullText)
        #expect(BatchCommandTests.summary(again).hasPrefix("winnow: batch: 0 pages"))
    }

    @Test func resumeInOutputDirectorySkipsWrittenFiles() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("out").path
        let input = BatchCommandTests.input("pages.warc")
        _ = try WinnowProcess.run(["batch", input, "--output-dir", out])
        try FileManager.default.removeItem(atPath: out + "/example.com/chunked.json")
        let resumed = try WinnowProcess.run(["batch", input, "--output-dir", out, "--resume"])
        #expect(BatchCommandTests.summary(resumed).hasPrefix("winnow: batch: 1 page, 1 article, 0 errors"), "\(resumed.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/example.com/chunked.json"))
    }

    /// SIGINT while the reader waits on standard input: the records read
    /// so far are finished and written whole, the summary says so, and the
    /// exit code is 130; a compressed output is a complete gzip file.
    @Test(arguments: [("out.jsonl", SIGINT), ("out.jsonl.gz", SIGTERM)])
    func interruptLeavesWellFormedOutput(_ name: String, _ signalNumber: Int32) throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent(name).path
        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch", "-", "-o", out]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let lines = (1...3).map { "{\"id\": \($0), \"html\": \"<html><body><p>Page \($0) of the interrupted run.</p></body></html>\"}\n" }
        try input.fileHandleForWriting.write(contentsOf: Data(lines.joined().utf8))
        // The pages are cleaned in milliseconds; the reader then waits for
        // more input, which never comes.
        Thread.sleep(forTimeInterval: 2)
        kill(process.processIdentifier, signalNumber)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signalNumber)
        #expect(stderr.contains("winnow: batch: 3 pages, 3 articles"), "\(stderr)")
        #expect(stderr.contains("interrupted by \(signalNumber == SIGINT ? "SIGINT" : "SIGTERM")"))
        let text = try BatchCommandTests.text(of: out)
        #expect(BatchCommandTests.records(Data(text.utf8)).map { ($0["fields"] as? [String: Any])?["id"] as? Int } == [1, 2, 3])
    }

    #if os(Linux)
    /// Standard error is a terminal: the progress line is drawn (and
    /// cleared) while the batch runs, then the summary stands alone.
    @Test func progressOnATerminal() throws {
        let pty = try PseudoTerminal()
        defer { pty.release() }
        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = pty.terminal
        try process.run()
        // Long enough for two redraws before the input arrives.
        Thread.sleep(forTimeInterval: 1.3)
        try input.fileHandleForWriting.write(contentsOf: Data(contentsOf: URL(fileURLWithPath: BatchCommandTests.input("pages.jsonl"))))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        // The terminal hands the bytes over as it processes them: read
        // until nothing more comes for a while, not once (a loaded machine
        // had the summary still in the line discipline on a single read).
        let flags = fcntl(pty.controller, F_GETFL)
        _ = fcntl(pty.controller, F_SETFL, flags | O_NONBLOCK)
        var screen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var quietRounds = 0
        while quietRounds < 10 {
            let count = read(pty.controller, &buffer, buffer.count)
            if count > 0 {
                screen += buffer.prefix(count)
                quietRounds = 0
            } else {
                quietRounds += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let text = String(decoding: screen, as: UTF8.self)
        #expect(text.contains("0 pages  0.0 pages/s  0.00 MB/s  0 errors"), "\(text.debugDescription)")
        #expect(text.contains("\r\u{1B}[Kwinnow: batch: 7 pages, 2 articles, 5 errors"), "\(text.debugDescription)")
    }
    #endif

    /// A file's text, decompressed when it is gzip (and checked whole).
    static func text(of path: String) throws -> String {
        let file = try FileStream(path: path)
        guard path.hasSuffix(".gz") else {
            return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }
        let (bytes, errors) = RecordTestSupport.drain(GzipStream(file, name: path))
        #expect(errors.isEmpty, "\(errors)")
        return String(decoding: bytes, as: UTF8.self)
    }
}
