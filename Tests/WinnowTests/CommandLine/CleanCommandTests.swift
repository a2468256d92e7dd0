import Foundation
import Testing
import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow clean` as scripts see it: the built binary run as a subprocess,
/// its exit code and its one-line message on standard error checked for
/// every kind of failure `ExitCodes.swift` names.
///
/// Serialized: each test starts a process, and a pipe end inherited by a
/// sibling's child launched at the same moment would delay EOF.
@Suite(.serialized) struct CleanCommandTests {
    /// A fixture page that cleans without complaint.
    static let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path

    /// The first bytes of a real 1×1 PNG: what a crawler saves when an image
    /// URL is mistaken for a page.
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0x0F, 0x00, 0x00,
        0x01, 0x01, 0x00, 0x05, 0x18, 0xD8, 0x4E, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ])

    /// The binary must exist: a missing build is a failure, never a skip.
    @Test func binaryIsFound() throws {
        let binary = try WinnowProcess.binary()
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
    }

    // MARK: - One input: exit code and message per failure

    @Test func missingFileExits3() throws {
        let scratch = try ScratchFolder()
        let path = scratch.url.appendingPathComponent("absent.html").path
        let run = try WinnowProcess.run(["clean", path])
        #expect(run.status == 3)
        #expect(run.stderrLines == ["winnow: \(path): no such file"])
        #expect(run.stdout.isEmpty)
    }

    @Test func directoryExits4() throws {
        let scratch = try ScratchFolder()
        let run = try WinnowProcess.run(["clean", scratch.url.path])
        #expect(run.status == 4)
        #expect(run.stderrLines == ["winnow: \(scratch.url.path): is a directory"])
        #expect(run.stdout.isEmpty)
    }

    /// A file without read permission. Root (with CAP_DAC_OVERRIDE) reads
    /// it anyway, and so does the child: then the page is cleaned, and the
    /// test says so instead of skipping. Whether this process can read it
    /// is the test, not the user id, since the child has the same rights.
    @Test func fileWithoutPermissionExits4() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.file("locked.html", Data(contentsOf: URL(fileURLWithPath: Self.page)))
        #expect(chmod(path, 0) == 0)
        defer { chmod(path, 0o600) }
        let run = try WinnowProcess.run(["clean", path])
        if access(path, R_OK) == 0 {
            // Running as root: permission bits do not stop the read.
            #expect(run.status == 0, "root reads a chmod 000 file: \(run.stderr)")
            #expect(run.stderr.isEmpty)
            #expect(run.stdoutText.hasPrefix("{\"schema\":\"winnow.article/1\""))
        } else {
            #expect(run.status == 4)
            #expect(run.stderrLines == ["winnow: \(path): cannot be read: Permission denied"])
            #expect(run.stdout.isEmpty)
        }
    }

    #if os(Linux)
    /// A file that opens but fails on read (EIO), for everyone, root
    /// included: the unreadable path is exercised whoever runs the tests.
    @Test func fileFailingOnReadExits4() throws {
        let run = try WinnowProcess.run(["clean", "/proc/self/mem"])
        #expect(run.status == 4)
        #expect(run.stderrLines == ["winnow: /proc/self/mem: cannot be read: Input/output error"])
        #expect(run.stdout.isEmpty)
    }
    #endif

    @Test func emptyFileExits5() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.file("empty.html", Data())
        let run = try WinnowProcess.run(["clean", path])
        #expect(run.status == 5)
        #expect(run.stderrLines == ["winnow: \(path): empty input: no bytes to clean"])
        #expect(run.stdout.isEmpty)
    }

    /// `winnow clean -` with nothing on a pipe: zero bytes, EOF, exit 5, and
    /// no terminal hint (standard input is not a terminal).
    @Test func emptyStandardInputExits5() throws {
        for arguments in [["clean", "-"], ["clean"]] {
            let run = try WinnowProcess.run(arguments, input: .empty)
            #expect(run.status == 5, "\(arguments)")
            #expect(run.stderrLines == ["winnow: <stdin>: empty input: no bytes to clean"], "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
    }

    /// Standard input closed outright (`<&-`): a read error, reported and
    /// exit 4. Foundation's `readDataToEndOfFile()` used to trap here.
    @Test func closedStandardInputExits4() throws {
        let binary = try WinnowProcess.binary()
        let run = try WinnowProcess.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", "exec \"$0\" clean - <&-", binary.path])
        #expect(run.status == 4)
        #expect(run.stderrLines == ["winnow: <stdin>: cannot be read: Bad file descriptor"])
        #expect(run.stdout.isEmpty)
    }

    /// Standard input is a terminal: the tool says it is waiting instead of
    /// hanging silently, then reads to Ctrl-D like any input.
    #if os(Linux)
    @Test func terminalStandardInputGetsAHint() throws {
        let pty = try PseudoTerminal()
        defer { pty.release() }
        #expect(isatty(pty.terminal.fileDescriptor) == 1)
        // Ctrl-D at the start of a line is end-of-file in the terminal's
        // default (canonical) mode; the line discipline keeps it queued
        // until the child reads.
        #expect(pty.type([0x04]))
        let run = try WinnowProcess.run(["clean"], input: .handle(pty.terminal), timeout: 30)
        #expect(run.status == 5)
        #expect(
            run.stderrLines == [
                "winnow: reading HTML from standard input (Ctrl-D to end)",
                "winnow: <stdin>: empty input: no bytes to clean",
            ])
    }
    #endif

    @Test func pngNamedHTMLExits6() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.file("photo.html", Self.png)
        let run = try WinnowProcess.run(["clean", path])
        #expect(run.status == 6)
        #expect(run.stderrLines == ["winnow: \(path): not HTML: looks like a PNG image"])
        #expect(run.stdout.isEmpty)
    }

    /// One byte over the page limit (a sparse file: the size is checked
    /// before anything looks at the bytes).
    @Test func pageOverTheLimitExits7() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.file("huge.html", Data())
        let limit = CleanerOptions.defaultMaximumBytes
        #expect(truncate(path, off_t(limit + 1)) == 0)
        let run = try WinnowProcess.run(["clean", path])
        #expect(run.status == 7)
        #expect(run.stderrLines == ["winnow: \(path): page too large: \(limit + 1) bytes (limit \(limit))"])
        #expect(run.stdout.isEmpty)
    }

    // MARK: - Several inputs: JSON Lines

    /// One record per input, in the order given, failures included, and
    /// exit 1 when any failed; each failure also gets its line on stderr.
    @Test func severalInputsWithOneBadWriteOneRecordEach() throws {
        let scratch = try ScratchFolder()
        let good = Self.page
        let png = try scratch.file("photo.html", Self.png)
        let other = Fixture.directory.appendingPathComponent("news-jsonld/page.html").path
        let run = try WinnowProcess.run(["clean", good, png, other])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["winnow: \(png): not HTML: looks like a PNG image"])

        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 4 && lines[3].isEmpty, "three lines, each ending in a newline: \(run.stdoutText)")
        let records = try lines.prefix(3).map { try Self.object(Data($0.utf8)) }
        #expect(records.map { $0["input"] as? String } == [good, png, other])

        #expect(records[0]["schema"] as? String == "winnow.article/1")
        #expect(records[0]["error"] == nil)
        #expect(lines[0].hasPrefix("{\"input\":"), "input comes first")

        #expect(Set(records[1].keys) == ["input", "error"])
        let error = try #require(records[1]["error"] as? [String: Any])
        #expect(error["kind"] as? String == "not-html")
        #expect(error["message"] as? String == "\(png): not HTML: looks like a PNG image")

        #expect(records[2]["schema"] as? String == "winnow.article/1")
        #expect(records[2]["title"] as? String == "Council backs $48 million flood barrier for Lower Harbor")
    }

    @Test func severalGoodInputsExit0() throws {
        let pages = Fixture.all().prefix(3).map(\.pageFile.path)
        let run = try WinnowProcess.run(["clean"] + pages)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdoutText.split(separator: "\n")
        #expect(lines.count == pages.count)
        #expect(try lines.map { try Self.object(Data($0.utf8))["input"] as? String } == pages)
    }

    @Test func severalInputsOnlyAsJSON() throws {
        let page = Self.page
        let run = try WinnowProcess.run(["clean", "--format", "text", page, page])
        #expect(run.status == 64)
        #expect(run.stderrLines.first == "Error: several inputs are written as JSON Lines: use --format json")
        #expect(run.stdout.isEmpty)
    }

    // MARK: - Output

    @Test func jsonHasTheSchemaAndParses() throws {
        let run = try WinnowProcess.run(["clean", Self.page])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.hasPrefix("{\"schema\":\"winnow.article/1\","))
        #expect(run.stdoutText.hasSuffix("}\n"))
        #expect(run.stdoutText.filter { $0 == "\n" }.count == 1, "compact JSON is one line")
        let article = try Self.object(run.stdout)
        #expect(article["schema"] as? String == "winnow.article/1")
        #expect(article["title"] as? String == "Putin Calls In a Favor From the Belarusian President")
        #expect(article["removed"] == nil, "removed appears only with --explain")
    }

    @Test func twoRunsAreByteIdentical() throws {
        for extra in [[], ["--explain", "--pretty"]] {
            let arguments = ["clean", Self.page] + extra
            let first = try WinnowProcess.run(arguments)
            let second = try WinnowProcess.run(arguments)
            #expect(first.status == 0 && second.status == 0)
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout, "\(extra)")
        }
    }

    /// The same article, indented: same members, several lines.
    @Test func prettyIsTheSameArticleIndented() throws {
        let compact = try WinnowProcess.run(["clean", Self.page])
        let pretty = try WinnowProcess.run(["clean", "--pretty", Self.page])
        #expect(pretty.status == 0)
        #expect(pretty.stdoutText.hasPrefix("{\n  \"schema\": \"winnow.article/1\",\n"))
        #expect(pretty.stdoutText.hasSuffix("\n}\n"))
        let compactObject = try Self.object(compact.stdout) as NSDictionary
        let prettyObject = try Self.object(pretty.stdout) as NSDictionary
        #expect(compactObject.isEqual(prettyObject))
    }

    @Test func explainAddsTheRemovalLog() throws {
        let run = try WinnowProcess.run(["clean", "--explain", Self.page])
        #expect(run.status == 0)
        let article = try Self.object(run.stdout)
        let removed = try #require(article["removed"] as? [[String: Any]])
        #expect(!removed.isEmpty)
        for entry in removed {
            #expect(entry["stage"] is String && entry["rule"] is String)
            #expect(entry["excerpt"] is String && entry["chars"] is Int)
        }
    }

    /// `--format text` prints the title, then the article's text as the
    /// JSON has it.
    @Test func textFormatIsTheTitleThenTheArticleText() throws {
        let json = try Self.object(try WinnowProcess.run(["clean", Self.page]).stdout)
        let run = try WinnowProcess.run(["clean", "--format", "text", Self.page])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let text = try #require(json["text"] as? String)
        let title = try #require(json["title"] as? String)
        #expect(!text.isEmpty)
        #expect(run.stdoutText == title + "\n\n" + text + "\n")
    }

    /// `--with-metadata`, `--links` and `--comments` shape text and
    /// Markdown (`ReaderFormatsTests` checks each in detail).
    @Test func readerOptionsShapeMarkdown() throws {
        let run = try WinnowProcess.run([
            "clean", "--format", "markdown", "--with-metadata", "--links", "--comments", Self.page,
            "--url", "https://afnn.example/2022/03/23/putin/",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.hasPrefix("---\ntitle: \"Putin Calls In a Favor From the Belarusian President\"\n"))
        #expect(run.stdoutText.contains("\n---\n\n# Putin Calls In a Favor From the Belarusian President\n\n"))
        #expect(run.stdoutText.contains("published on [The Western Journal](https://www.westernjournal.com/)."))
        #expect(run.stdoutText.contains("\n\n## Comments (4)\n\n- **Gary Whitfield** · 2022-03-23T14:21:09+00:00\n"))
        #expect(run.stdoutText.contains("\n\n  - **Dana Kowalczyk** · "))
    }

    @Test func readerOptionsShapeText() throws {
        let run = try WinnowProcess.run(["clean", "--format", "text", "--with-metadata", "--comments", Self.page])
        #expect(run.status == 0)
        #expect(run.stdoutText.hasPrefix("Title: Putin Calls In a Favor From the Belarusian President\nPublished: "))
        #expect(run.stdoutText.contains("\n\nComments (4)\n\nGary Whitfield, 2022-03-23T14:21:09+00:00\n"))
        #expect(run.stdoutText.contains("\n\n    Dana Kowalczyk, "))
    }

    /// The JSON always holds metadata and comments and never links: asking
    /// for them there is a usage error, as are contradictory flags.
    @Test(arguments: [
        (["--with-metadata"], "Error: --with-metadata shapes text and Markdown output: use --format text or markdown"),
        (["--comments"], "Error: --comments shapes text and Markdown output: use --format text or markdown"),
        (["--links"], "Error: --links keeps links in Markdown: use --format markdown"),
        (["--links", "--format", "text"], "Error: --links keeps links in Markdown: use --format markdown"),
        (["--comments", "--no-comments", "--format", "text"], "Error: --comments and --no-comments contradict each other"),
    ])
    func readerOptionsOutsideTheirFormatsAreUsageErrors(_ options: [String], message: String) throws {
        let run = try WinnowProcess.run(["clean"] + options + [Self.page])
        #expect(run.status == 64)
        #expect(run.stderrLines.first == message)
        #expect(run.stdout.isEmpty)
    }

    /// `--format markdown`: the title as a heading, then the blocks.
    @Test func markdownFormatHasTitleAndParagraphs() throws {
        let json = try Self.object(try WinnowProcess.run(["clean", Self.page]).stdout)
        let run = try WinnowProcess.run(["clean", "--format", "markdown", Self.page])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let title = try #require(json["title"] as? String)
        #expect(run.stdoutText.hasPrefix("# \(title)\n\n"))
        #expect(run.stdoutText.contains("![Putin-Dimitri Ocipenko-Pixabay](https://afnn.example/"))
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let paragraphs = blocks.filter { $0["type"] as? String == "paragraph" }.compactMap { $0["text"] as? String }
        #expect(!paragraphs.isEmpty)
        for paragraph in paragraphs {
            #expect(run.stdoutText.contains("\n\n\(paragraph)"))
        }
    }

    /// `Fixtures/README.md` says `expected.json` is exactly what
    /// `winnow clean page.html --url URL --pretty` prints: hold the tool to
    /// it (known-failing fixtures hold hand-written output, so not those).
    @Test(arguments: Fixture.all())
    func prettyOutputMatchesTheFixtureSnapshot(_ fixture: Fixture) throws {
        guard try fixture.notes().knownFailure == nil, let expected = try fixture.expectedJSON() else { return }
        var arguments = ["clean", fixture.pageFile.path, "--pretty"]
        if let url = try fixture.pageURL() { arguments += ["--url", url] }
        if let rules = fixture.rulesFile { arguments += ["--rules", rules.path] }
        let run = try WinnowProcess.run(arguments)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText == expected, "\(fixture.name): the tool's output differs from expected.json")
    }

    // MARK: - Arguments and help

    /// `--comment-headers` keeps the seed post's comment byline ("Gary
    /// Whitfield says:", the date) in the comment's text; without it the
    /// name is only the comment's `author`.
    @Test func commentHeadersFlagKeepsTheBylineInTheText() throws {
        let firstText = { (arguments: [String]) throws -> (text: String, author: String) in
            let run = try WinnowProcess.run(["clean", CleanCommandTests.page] + arguments)
            #expect(run.status == 0)
            let comments = try #require(try CleanCommandTests.object(run.stdout)["comments"] as? [[String: Any]])
            let first = try #require(comments.first)
            return (try #require(first["text"] as? String), try #require(first["author"] as? String))
        }
        let plain = try firstText([])
        let headed = try firstText(["--comment-headers"])
        #expect(plain.author == headed.author)
        #expect(!plain.text.contains(plain.author))
        #expect(headed.text.contains(headed.author))
        #expect(headed.text.hasSuffix(plain.text))
    }

    /// An unknown `--charset` is a usage error; it was ignored, and the
    /// page read as its bytes said.
    @Test(arguments: ["clean", "explain"])
    func unknownCharsetIsAUsageError(command: String) throws {
        let run = try WinnowProcess.run([command, "--charset", "bogus", Self.page])
        #expect(run.status == 64)
        #expect(run.stderrLines.first?.hasPrefix("Error: unknown charset 'bogus'") == true, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try WinnowProcess.run([command, "--charset", "Windows-1251", Self.page]).status == 0)
    }

    @Test func invalidFormatIsAUsageError() throws {
        let run = try WinnowProcess.run(["clean", "--format", "xml", Self.page])
        #expect(run.status == 64)
        #expect(
            run.stderrLines.first
                == "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'json', 'text' or 'markdown'.")
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: [["--help"], ["clean", "--help"], ["help", "clean"]])
    func helpListsTheExitCodes(_ arguments: [String]) throws {
        let run = try WinnowProcess.run(arguments)
        #expect(run.status == 0)
        // Help is wrapped to the terminal's width: compare with the breaks undone.
        let words = run.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for code in [
            "0 success;", "1 some pages failed", "3 file not found;", "4 file unreadable;", "5 empty input;",
            "6 not HTML", "7 page too large;", "8 unparsable;", "9 bad rules;", "64 bad arguments.",
        ] {
            #expect(words.contains(code), "\(arguments): \(code)")
        }
    }

    // MARK: - Helpers

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not a JSON object")
    }
}
