extension RuleSet {
    /// The rules in force with the user's files: every file's rules, in the
    /// order the files are given and the rules written, before the built-in
    /// rules; each `disable` entry switching rules off everywhere or on the
    /// pages in its scope.
    ///
    /// - Throws: `RuleFileError` at the line of a rule whose id is already
    ///   taken (ids name rules in logs and in `disable`, so they are
    ///   unique), or of a `disable` entry naming no known rule; every such
    ///   line, the first carrying the others (`further`).
    public static func composing(builtIn: RuleSet, files: [RuleFile]) throws -> RuleSet {
        if files.isEmpty { return builtIn }
        var origins: [String: String] = [:]
        for rule in builtIn.rules { origins[rule.id] = "built-in" }
        var userRules: [Rule] = []
        // Every clash is reported, not only the first.
        var errors: [RuleFileError] = []
        for file in files {
            for rule in file.rules {
                if let earlier = origins[rule.id] {
                    let hint = earlier == "built-in" ? "; disable the built-in rule and give yours another id" : ""
                    errors.append(
                        RuleFileError(
                            file: file.path, line: rule.origin?.line,
                            reason: "rule id '\(rule.id)' is already taken (\(earlier))\(hint)"))
                    continue
                }
                origins[rule.id] = rule.origin?.description ?? file.path
                userRules.append(rule)
            }
        }
        var switchedOff: Set<String> = []
        var scoped: [RuleDisable] = []
        for file in files {
            for entry in file.disabled {
                for id in entry.ids where origins[id] == nil {
                    let near = NearestName.nearest(to: id, among: Array(origins.keys).sorted())
                    errors.append(
                        RuleFileError(
                            file: entry.origin.file, line: entry.origin.line,
                            reason: "'disable' names no known rule: '\(id)'"
                                + (near.map { "; did you mean '\($0)'?" } ?? " (see `winnow rules list`)")))
                }
                if entry.isScoped { scoped.append(entry) } else { switchedOff.formUnion(entry.ids) }
            }
        }
        if let error = RuleFileError(collecting: errors) { throw error }
        let rules = (userRules + builtIn.rules).filter { !switchedOff.contains($0.id) }
        return RuleSet(rules: rules, scopedDisables: scoped)
    }
}
