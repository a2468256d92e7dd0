// swift-tools-version:6.0
import Foundation
import PackageDescription

// A path dependency is known by its folder's name: the repository's, which
// a clone may name as it likes.
let winnowPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let winnow = Target.Dependency.product(name: "Winnow", package: winnowPackage)

// libFuzzer targets for Winnow, a package of their own so that the root
// package's `swift build` and `swift test` never see them. Built and run
// by scripts/fuzz.sh (see docs/testing.md), which passes the sanitizers
// twice, as SwiftPM needs: `--sanitize=fuzzer --sanitize=address` for the
// link and C code, `-Xswiftc -sanitize=fuzzer,address` for the Swift code,
// and `-Xswiftc -parse-as-library` so the entry point is libFuzzer's
// `main` calling `LLVMFuzzerTestOneInput`. `-enable-testing` lets the
// targets reach the record readers' internal parts (`@testable import`).
let package = Package(
    name: "WinnowFuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // The HTML entry point: Cleaner.clean and every rendering.
        .executableTarget(name: "FuzzHTML", dependencies: [winnow]),
        // The rule-file loader, and a cleaning with what it accepts.
        .executableTarget(name: "FuzzRules", dependencies: [winnow]),
        // The batch record readers: WARC, gzip members, JSON Lines, HTTP
        // heads, chunked bodies, content codings.
        .executableTarget(name: "FuzzRecords", dependencies: [winnow]),
    ]
)
