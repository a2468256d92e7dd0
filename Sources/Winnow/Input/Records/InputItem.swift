/// What reading an input yields, one at a time: a page, a record that
/// could not be read (it still gets an output record), or something that
/// is not a page at all and is only counted (a WARC `request` record, an
/// image response, a blank line).
public enum InputItem: Sendable {
    case page(PageRecord)
    case failure(Provenance, InputError)
    case skipped(reason: String)
}
