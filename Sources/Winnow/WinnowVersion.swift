import CLibXML2

/// What `winnow --version` reports: Winnow's own version and the libxml2
/// it parses with. A bug report needs both, and libxml2's is the one the
/// process loaded, which can differ from the headers it was built against
/// (Debian updates libxml2 under a built binary).
public enum WinnowVersion {
    /// Winnow's version: raised here, and only here, for each release.
    public static let current = "0.1.0"

    /// The libxml2 loaded at run time, dotted ("2.9.14"), from its
    /// `xmlParserVersion` ("20914": major, two digits of minor, two of
    /// release).
    public static var libxml2: String {
        dotted(String(cString: winnow_libxml2_runtime_version()))
    }

    /// The libxml2 the headers named when Winnow was built.
    public static let libxml2BuiltAgainst = LIBXML_DOTTED_VERSION

    /// "20914" as "2.9.14"; anything that is not such a number as it is.
    static func dotted(_ number: String) -> String {
        guard number.count >= 5, let value = Int(number) else { return number }
        return "\(value / 10000).\(value / 100 % 100).\(value % 100)"
    }

    /// `winnow 0.1.0 (libxml2 2.9.14)`, with the build's libxml2 when it
    /// differs from the one loaded.
    public static var description: String {
        var text = "winnow \(current) (libxml2 \(libxml2)"
        if libxml2BuiltAgainst != libxml2 { text += ", built against \(libxml2BuiltAgainst)" }
        return text + ")"
    }
}
