import Testing
@testable import Winnow

/// A title's trailing part that the page's host spells is the site's name.
@Suite struct HostNameInTitleTests {
    @Test func aTrailingPartTheHostSpellsGoes() {
        #expect(HostNameInTitle.removing(from: "Stanford Grads Find Their Degrees No Longer Guarantee Jobs - Slashdot", host: "developers.slashdot.org")
            == "Stanford Grads Find Their Degrees No Longer Guarantee Jobs")
        #expect(HostNameInTitle.removing(from: "GPUs & Video Graphics Cards | Newegg.com", host: "www.newegg.com") == "GPUs & Video Graphics Cards")
        #expect(HostNameInTitle.removing(from: "ORM Quick Start — SQLAlchemy 2.0 Documentation", host: "docs.sqlalchemy.org") == "ORM Quick Start")
        #expect(HostNameInTitle.removing(from: "Vehicle rental news | WRAL", host: "www.wral.com") == "Vehicle rental news")
        #expect(HostNameInTitle.removing(from: "Council tax rises | Hanbury Post", host: "hanburypost.co.uk") == "Council tax rises")
    }

    @Test func aLeadingBrandOrAnotherPartStays() {
        #expect(HostNameInTitle.removing(from: "Todoist | A To-Do List to Organize Your Work", host: "todoist.com")
            == "Todoist | A To-Do List to Organize Your Work")
        #expect(HostNameInTitle.removing(from: "Bridge repairs - Council news", host: "www.hanbury.gov.uk") == "Bridge repairs - Council news")
        // A short label must be the whole part.
        #expect(HostNameInTitle.removing(from: "Cloud pricing | IBMX Review", host: "www.ibm.com") == "Cloud pricing | IBMX Review")
        // One word left is no title.
        #expect(HostNameInTitle.removing(from: "Home | Newegg", host: "www.newegg.com") == "Home | Newegg")
        #expect(HostNameInTitle.removing(from: "No separator Newegg", host: "www.newegg.com") == "No separator Newegg")
        #expect(HostNameInTitle.removing(from: "Story - Example", host: nil) == "Story - Example")
        #expect(HostNameInTitle.removing(from: "Story - Localhost", host: "localhost") == "Story - Localhost")
    }

    @Test func theCleanedTitleDropsIt() throws {
        let article = try TestSupport.clean(
            """
            <html><head><title>Lock keepers vote to strike over Easter - Canalside</title></head><body>
            <p>The lock keepers on the northern reach voted on Monday to strike over the Easter weekend, their union said, after talks on pay broke down.</p>
            </body></html>
            """, url: "https://www.canalside.example/news/lock-keepers")
        #expect(article.metadata.title == "Lock keepers vote to strike over Easter")
    }
}
