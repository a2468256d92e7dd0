/// A user's rule file, read and checked: its rules in file order, and the
/// rules it switches off.
public struct RuleFile: Sendable {
    public let path: String
    public let rules: [Rule]
    public let disabled: [RuleDisable]

    public init(path: String, rules: [Rule], disabled: [RuleDisable]) {
        self.path = path
        self.rules = rules
        self.disabled = disabled
    }
}

/// A rule file checked whole: its sound rules and `disable` entries, and
/// an error for every entry that is not (in file order).
public struct RuleFileCheck: Sendable {
    /// What the file holds that can be used.
    public let file: RuleFile
    public let errors: [RuleFileError]

    public init(file: RuleFile, errors: [RuleFileError]) {
        self.file = file
        self.errors = errors
    }

    /// The file, or its first error carrying the others.
    public func accepted() throws(RuleFileError) -> RuleFile {
        if let error = RuleFileError(collecting: errors) { throw error }
        return file
    }
}

/// `- disable: [navigation, sidebars]`, optionally scoped like a rule
/// (`hosts`, `urls`): those rules do not run on the pages in scope.
public struct RuleDisable: Sendable {
    public let ids: [String]
    public let hosts: [String]
    public let urls: [URLPattern]
    public let origin: RuleOrigin

    public init(ids: [String], hosts: [String] = [], urls: [URLPattern] = [], origin: RuleOrigin) {
        self.ids = ids
        self.hosts = hosts
        self.urls = urls
        self.origin = origin
    }

    /// Scoped to some pages rather than switching the rules off everywhere.
    public var isScoped: Bool { !hosts.isEmpty || !urls.isEmpty }

    /// Whether the entry is in force on the page at `url`: the same scope
    /// test as a rule's.
    func applies(toURL url: String?, host: String?) -> Bool {
        Rule(id: "", stage: "", hosts: hosts, urls: urls).applies(toURL: url, host: host)
    }
}
