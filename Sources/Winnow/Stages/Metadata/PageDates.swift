import Foundation

/// When the page was published and last modified, weighed from every
/// source the page gives, most deliberate first:
/// 1. JSON-LD and `<meta>` (then schema.org `itemprop` and hAtom
///    microformat dates in the markup): statements meant for machines;
/// 2. the dates the page shows near its headline or byline: `<time>` and
///    dateline text ("Posted on March 5, 2024 by …"; see `VisibleDates`);
/// 3. the URL (`/2024/03/05/`).
///
/// A stated publication date no older than the stated modification is a
/// stamp of the last save as often as not (CMSs that rewrite
/// `datePublished` on every save, or state both at once): when the page
/// shows an earlier publication dateline, that dateline is the first
/// publication. A page that gives no publication date anywhere but shows
/// when it was updated has that date as `published` (the update date is
/// what it says of its age); `modified` is the stated modification, else
/// the update the page shows. Dates the page shows that are later than
/// every date it states are left out (a site header's "today").
struct PageDates {
    var published: String?
    var modified: String?

    init(statedPublished: [String?], statedModified: [String?], visible: (MetadataDate?) -> VisibleDates, url: String?) {
        let stated = PageDates.firstDate(statedModified)
        let publication = PageDates.firstDate(statedPublished)
        let latest = [stated?.date, publication?.date].compactMap { $0 }.max { $1.isLater(than: $0) }
        let shown = visible(latest)
        if var publication {
            if let stated, !stated.date.isLater(than: publication.date), let earlier = shown.published,
                publication.date.isLater(than: earlier)
            {
                publication = (earlier, earlier.iso8601)
            }
            published = publication.text
        } else {
            published = (shown.published ?? url.flatMap(PageDates.urlDate) ?? shown.updated)?.iso8601 ?? stated?.text
        }
        modified = stated?.text ?? shown.updated?.iso8601
    }

    /// The first of `candidates` that parses as a plausible date: as
    /// ISO 8601 and the formats `MetadataDate` reads (time and zone kept),
    /// else as a date a text shows ("Thu, 09/25/2025 - 11:38"; the day).
    static func firstDate(_ candidates: [String?]) -> (date: MetadataDate, text: String)? {
        for case let text? in candidates {
            if let date = MetadataDate(parsing: text), DateInText.plausibleYears.contains(date.year) { return (date, date.iso8601) }
            if let found = DateInText.dates(in: text).first { return (found.date, found.date.iso8601) }
        }
        return nil
    }

    /// The date a URL's path gives: `/2024/03/05/`, `/2025-12-17-slug`,
    /// `/2023/october/03/`. A year and a month alone (`/2024/03/`) give no
    /// day, and no date.
    static func urlDate(_ url: String) -> MetadataDate? {
        guard let path = URLComponents(string: url)?.percentEncodedPath, !path.isEmpty else { return nil }
        let segments = path.split(separator: "/").map(String.init)
        for (index, segment) in segments.enumerated() {
            // `/2024/03/05/` and `/2023/october/03/`.
            if segment.utf8.count == 4, segment.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(segment), index + 2 < segments.count {
                let monthText = segments[index + 1].lowercased()
                let month = monthText.count <= 2 && monthText.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(monthText) : DateInText.monthNumbers[monthText]
                let dayDigits = segments[index + 2].prefix(while: { $0.isASCII && $0.isNumber })
                if let month, (1...2).contains(dayDigits.count), let day = Int(dayDigits),
                    let date = DateInText.validDate(year: year, month: month, day: day)
                {
                    return date
                }
            }
            // `2025-12-17-minisgl`, `2024-03-05.html`.
            if let found = DateInText.dates(in: segment).first, found.range.lowerBound == 0,
                segment.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) ?? false, segment.count >= 10,
                segment.prefix(4).allSatisfy(\.isNumber)
            {
                return found.date
            }
        }
        return nil
    }
}
