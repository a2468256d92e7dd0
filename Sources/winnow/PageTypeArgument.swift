import ArgumentParser
import Winnow

/// `--page-type TYPE`: the caller's knowledge of what the pages are.
extension PageType: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(named: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    static let optionHelp = ArgumentHelp(
        "Take the page for this type instead of deciding: article, forum, product, collection, listing, documentation, service or other.",
        valueName: "TYPE")
}
