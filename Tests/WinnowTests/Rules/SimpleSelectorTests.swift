import Testing
@testable import Winnow

/// Native matching of simple selectors must agree with the XPath the same
/// selector compiles to: both are used, depending on the selector's form.
@Suite struct SimpleSelectorTests {
    static let html = """
        <html><body>
        <nav id="n1" class="menu top">x</nav>
        <div id="d1" class="entry-content post">x</div>
        <div id="d2" class="entry-contents">x</div>
        <section id="s1" role="navigation">x</section>
        <div id="d3" itemtype="https://schema.org/BreadcrumbList">x</div>
        <span id="sp1" class="MENU">x</span>
        <p id="p1" data-x="a, b">x</p>
        <a id="a1" href="#main">x</a><a id="a2" href="/page#main">x</a>
        <p id="p2" lang="en-US" data-y="xAbc">x</p>
        <p id="p3" lang="en" data-y="éabc déf">x</p>
        <p id="p4" lang="EN" data-y="ab&#13;c">x</p>
        </body></html>
        """

    @Test(arguments: [
        "nav", ".menu", ".menu.top", "div.entry-content", "#d2", "[role=navigation]", "[itemtype*=BreadcrumbList]",
        "nav, .entry-content, [role=navigation]", "*[data-x=\"a, b\"]", "[class~=post]", "[id^=d]", "[id$=1]", "DIV",
        // Attribute values are compared in place when ASCII, as Strings otherwise.
        "a[href^=\"#\"]", "[href*=main]", "[lang|=en]", "[lang=en i]", "[data-y*=abc i]", "[data-y$=c]", "[data-y~=déf]",
        "[data-y^=ab]",
    ])
    func nativeMatchesEqualXPath(css: String) throws {
        let document = try TestSupport.document(SimpleSelectorTests.html)
        let simple = try #require(SimpleSelector(css: css))
        let xpath = try XPath(CSSSelector.xpath(for: css))
        let body = try #require(document.body)
        let expected = xpath.elements(in: document, from: body).compactMap { $0.attribute("id") }
        var native: [String] = []
        let index = SelectorIndex([(simple, true)])
        body.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if index.firstMatch(node, facts: ElementFacts(node)) != nil, let id = node.attribute("id") { native.append(id) }
            return .descend
        }
        #expect(native == expected)
        #expect(!native.isEmpty)
    }

    @Test(arguments: ["div > p", "h2 + p", "p:first-child", ":not(.x)"])
    func complexSelectorsStayXPath(css: String) {
        #expect(SimpleSelector(css: css) == nil)
    }

    @Test func earliestRuleWins() throws {
        let document = try TestSupport.document(SimpleSelectorTests.html)
        let index = SelectorIndex([(try #require(SimpleSelector(css: ".menu")), "first"), (try #require(SimpleSelector(css: "nav")), "second")])
        let nav = try #require(document.body?.children.first)
        #expect(index.firstMatch(nav, facts: ElementFacts(nav)) == "first")
    }
}
