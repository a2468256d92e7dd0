// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Winnow",
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["winnow"]),
    ],
    dependencies: [
        // The local mirrors hold one tag each: `from:` names that major version.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: - C libraries

        // libxml2 through a shim header that keeps ICU out of the module
        // (Foundation and Debian's ICU-enabled headers clash over UErrorCode).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // zlib for .warc.gz and .jsonl.gz: inflate member after member
        // (a one-shot decompressor stops after the first gzip member).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // uchardet guesses the charset of a page that is not UTF-8 and names
        // none (Mozilla's detector, as browsers and resiliparse use it);
        // without it such a page could only be read as windows-1252.
        .systemLibrary(
            name: "CUchardet",
            pkgConfig: "uchardet",
            providers: [.apt(["libuchardet-dev"])]
        ),

        // glibc's malloc_trim, for the command line to hand a large page's
        // freed memory back before it writes the article (part of libc: no
        // package, no link flag).
        .systemLibrary(name: "CMalloc"),

        // MARK: - Library and tool

        .target(
            name: "Winnow",
            dependencies: [
                "CLibXML2",
                "CZlib",
                "CUchardet",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Rules/builtin-rules.yaml"), .copy("Stages/PageType/page-type-model.json")]
        ),
        .executableTarget(
            name: "winnow",
            dependencies: [
                "Winnow",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests

        .testTarget(
            name: "WinnowTests",
            dependencies: ["Winnow", "CLibXML2"],
            // The fixture folders are read from the repository at test time,
            // so expected outputs stay where a reviewer edits them.
        ),
    ]
)
