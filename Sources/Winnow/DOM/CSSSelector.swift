import Foundation

/// Compiles the CSS subset that rule authors use into XPath 1.0.
/// (First version: type, .class, #id, [attr], [attr=v], descendant, child
/// and comma lists.)
public enum CSSSelector {
    public static func xpath(for css: String) throws -> String {
        let alternatives = css.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !alternatives.isEmpty, !alternatives.contains(where: \.isEmpty) else {
            throw CSSSelectorError.empty(css)
        }
        return try alternatives.map { try compileComplex(Substring($0), css: css) }.joined(separator: " | ")
    }

    private static func compileComplex(_ selector: Substring, css: String) throws -> String {
        var path = "descendant-or-self::"
        var pendingChild = false
        var first = true
        for part in selector.split(separator: " ") {
            if part == ">" {
                pendingChild = true
                continue
            }
            if !first { path += pendingChild ? "/" : "//" }
            pendingChild = false
            path += try compileCompound(part, css: css)
            first = false
        }
        return path
    }

    private static func compileCompound(_ compound: Substring, css: String) throws -> String {
        var tag = "*"
        var predicates: [String] = []
        var index = compound.startIndex
        func readName() -> String {
            let start = index
            while index < compound.endIndex, compound[index].isLetter || compound[index].isNumber || compound[index] == "-" || compound[index] == "_" {
                index = compound.index(after: index)
            }
            return String(compound[start..<index])
        }
        if index < compound.endIndex, compound[index] == "*" {
            index = compound.index(after: index)
        } else if index < compound.endIndex, compound[index].isLetter {
            tag = readName().lowercased()
        }
        while index < compound.endIndex {
            let character = compound[index]
            index = compound.index(after: index)
            switch character {
            case ".":
                let name = readName()
                guard !name.isEmpty else { throw CSSSelectorError.syntax(css) }
                predicates.append("contains(concat(' ', normalize-space(@class), ' '), ' \(name) ')")
            case "#":
                let name = readName()
                guard !name.isEmpty else { throw CSSSelectorError.syntax(css) }
                predicates.append("@id='\(name)'")
            case "[":
                guard let close = compound[index...].firstIndex(of: "]") else { throw CSSSelectorError.syntax(css) }
                let body = compound[index..<close]
                index = compound.index(after: close)
                if let equals = body.firstIndex(of: "=") {
                    let name = body[..<equals].trimmingCharacters(in: .whitespaces)
                    var value = body[body.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                    if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                    predicates.append("@\(name)='\(value)'")
                } else {
                    predicates.append("@\(body.trimmingCharacters(in: .whitespaces))")
                }
            default:
                throw CSSSelectorError.syntax(css)
            }
        }
        return tag + predicates.map { "[\($0)]" }.joined()
    }
}

public enum CSSSelectorError: Error, Equatable, Sendable {
    case empty(String)
    case syntax(String)
}
