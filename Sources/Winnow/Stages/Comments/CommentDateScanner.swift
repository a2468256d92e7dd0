/// The date in a comment header line, as comment systems print it, with or
/// without a time, or a relative one ("15 minutes ago"). The first match,
/// leftmost, of this pattern (ICU syntax, case ignored), which it replaces
/// (see `HeaderLineScanner` for why and how):
///
///     DATE     = \b (?: CALENDAR (?: ,?\s*(?:at|@|-|–)?\s*@? CLOCK )?
///                   | CLOCK \s* (?:on\s+)? CALENDAR
///                   | \d+ \s+ UNIT s? \s+ ago
///                   | yesterday
///                   | today )
///     CALENDAR = (?: WEEKDAY ,?\s+ )? MONTH \.? \s+ \d{1,2} ORDINAL? (?: ,?\s+ \d{4} )?
///              | (?: WEEKDAY ,?\s+ )? \d{1,2} ORDINAL? \s+ (?:of\s+)? MONTH \.? ,? \s+ \d{4}
///              | \d{4} [/.-] \d{1,2} [/.-] \d{1,2}
///              | \d{1,2} [/.-] \d{1,2} [/.-] \d{2,4}
///     CLOCK    = \d{1,2} : \d{2} (?: :\d{2} )? \s* (?: [ap] \.? m \b \.? )?
///     WEEKDAY  = (?:mon|tue|wed|thu|fri|sat|sun) [a-z]*
///     MONTH    = jan(?:uary)? | feb(?:ruary)? | mar(?:ch)? | apr(?:il)? | may | june? | july?
///              | aug(?:ust)? | sep(?:t(?:ember)?)? | oct(?:ober)? | nov(?:ember)? | dec(?:ember)?
///     ORDINAL  = st | nd | rd | th
///     UNIT     = sec(?:ond)? | min(?:ute)? | hour | hr | day | week | month | year
///
/// "June 15, 2012 at 09:38 AM", "Tuesday July 24, @11:35AM", "23rd of
/// March 2012", "2012-03-23", "11/07/12", "12:30 pm on March 3, 2012",
/// "3 hours ago", "yesterday". Each rule below is one part of the
/// pattern, quoted above it.
extension HeaderLineScanner {
    /// The UTF-8 offsets of the first date in the line; nil when it has
    /// none.
    func firstDate() -> Range<Int>? {
        // Every choice opens with an ASCII letter or digit, a word
        // character: `\b` there asks for none before it.
        for start in bytes.indices where Self.isASCIIWordCharacter(bytes[start]) && !isWordCharacter(before: start) {
            if let end = date(at: start, then: { $0 }) { return start..<end }
        }
        return nil
    }

    /// DATE without its `\b`.
    private func date(at index: Int, then next: Continuation) -> Int? {
        calendarDateAndClock(at: index, then: next)
            ?? clockAndCalendarDate(at: index, then: next)
            ?? timeAgo(at: index, then: next)
            ?? literal("yesterday", at: index, then: next)
            ?? literal("today", at: index, then: next)
    }

    /// CALENDAR (?: ,?\s*(?:at|@|-|–)?\s*@? CLOCK )?
    private func calendarDateAndClock(at index: Int, then next: Continuation) -> Int? {
        calendarDate(at: index) { afterDate in clockAfterDateIfAny(at: afterDate, then: next) }
    }

    /// (?: ,?\s*(?:at|@|-|–)?\s*@? CLOCK )?
    private func clockAfterDateIfAny(at index: Int, then next: Continuation) -> Int? {
        let withClock = optionalByte(",", at: index) { afterComma in
            spaces(atLeast: 0, at: afterComma) { afterSpaces in
                dateClockSeparatorIfAny(at: afterSpaces) { afterSeparator in
                    spaces(atLeast: 0, at: afterSeparator) { beforeClock in
                        optionalByte("@", at: beforeClock) { clockStart in clock(at: clockStart, then: next) }
                    }
                }
            }
        }
        return withClock ?? next(index)
    }

    /// (?:at|@|-|–)?
    private func dateClockSeparatorIfAny(at index: Int, then next: Continuation) -> Int? {
        literal("at", at: index, then: next)
            ?? byte("@", at: index, then: next)
            ?? byte("-", at: index, then: next)
            ?? literal("\u{2013}", at: index, then: next)
            ?? next(index)
    }

    /// CLOCK \s* (?:on\s+)? CALENDAR
    private func clockAndCalendarDate(at index: Int, then next: Continuation) -> Int? {
        clock(at: index) { afterClock in
            spaces(atLeast: 0, at: afterClock) { afterSpaces in
                onIfAny(at: afterSpaces) { dateStart in calendarDate(at: dateStart, then: next) }
            }
        }
    }

    /// (?:on\s+)?
    private func onIfAny(at index: Int, then next: Continuation) -> Int? {
        literal("on", at: index) { afterOn in spaces(atLeast: 1, at: afterOn, then: next) } ?? next(index)
    }

    /// \d+ \s+ UNIT s? \s+ ago
    private func timeAgo(at index: Int, then next: Continuation) -> Int? {
        digits(1...Int.max, at: index) { afterNumber in
            spaces(atLeast: 1, at: afterNumber) { unitStart in
                timeUnit(at: unitStart) { afterUnit in
                    optionalLiteral("s", at: afterUnit) { afterPlural in
                        spaces(atLeast: 1, at: afterPlural) { agoStart in literal("ago", at: agoStart, then: next) }
                    }
                }
            }
        }
    }

    /// UNIT
    private func timeUnit(at index: Int, then next: Continuation) -> Int? {
        literal("sec", at: index) { afterStem in optionalLiteral("ond", at: afterStem, then: next) }
            ?? literal("min", at: index) { afterStem in optionalLiteral("ute", at: afterStem, then: next) }
            ?? literal("hour", at: index, then: next)
            ?? literal("hr", at: index, then: next)
            ?? literal("day", at: index, then: next)
            ?? literal("week", at: index, then: next)
            ?? literal("month", at: index, then: next)
            ?? literal("year", at: index, then: next)
    }

    /// CALENDAR
    private func calendarDate(at index: Int, then next: Continuation) -> Int? {
        monthFirstDate(at: index, then: next)
            ?? dayFirstDate(at: index, then: next)
            ?? yearFirstNumericDate(at: index, then: next)
            ?? numericDate(at: index, then: next)
    }

    /// (?: WEEKDAY ,?\s+ )? MONTH \.? \s+ \d{1,2} ORDINAL? (?: ,?\s+ \d{4} )?
    private func monthFirstDate(at index: Int, then next: Continuation) -> Int? {
        weekdayIfAny(at: index) { monthStart in
            month(at: monthStart) { afterMonth in
                optionalByte(".", at: afterMonth) { afterDot in
                    spaces(atLeast: 1, at: afterDot) { dayStart in
                        digits(1...2, at: dayStart) { afterDay in
                            ordinalIfAny(at: afterDay) { afterOrdinal in yearIfAny(at: afterOrdinal, then: next) }
                        }
                    }
                }
            }
        }
    }

    /// (?: ,?\s+ \d{4} )?
    private func yearIfAny(at index: Int, then next: Continuation) -> Int? {
        let withYear = optionalByte(",", at: index) { afterComma in
            spaces(atLeast: 1, at: afterComma) { yearStart in digits(4...4, at: yearStart, then: next) }
        }
        return withYear ?? next(index)
    }

    /// (?: WEEKDAY ,?\s+ )? \d{1,2} ORDINAL? \s+ (?:of\s+)? MONTH \.? ,? \s+ \d{4}
    private func dayFirstDate(at index: Int, then next: Continuation) -> Int? {
        weekdayIfAny(at: index) { dayStart in
            digits(1...2, at: dayStart) { afterDay in
                ordinalIfAny(at: afterDay) { afterOrdinal in
                    spaces(atLeast: 1, at: afterOrdinal) { afterSpaces in
                        ofIfAny(at: afterSpaces) { monthStart in
                            month(at: monthStart) { afterMonth in
                                optionalByte(".", at: afterMonth) { afterDot in
                                    optionalByte(",", at: afterDot) { afterComma in
                                        spaces(atLeast: 1, at: afterComma) { yearStart in digits(4...4, at: yearStart, then: next) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// (?:of\s+)?
    private func ofIfAny(at index: Int, then next: Continuation) -> Int? {
        literal("of", at: index) { afterOf in spaces(atLeast: 1, at: afterOf, then: next) } ?? next(index)
    }

    /// \d{4} [/.-] \d{1,2} [/.-] \d{1,2}
    private func yearFirstNumericDate(at index: Int, then next: Continuation) -> Int? {
        digits(4...4, at: index) { afterYear in
            dateSeparator(at: afterYear) { monthStart in
                digits(1...2, at: monthStart) { afterMonth in
                    dateSeparator(at: afterMonth) { dayStart in digits(1...2, at: dayStart, then: next) }
                }
            }
        }
    }

    /// \d{1,2} [/.-] \d{1,2} [/.-] \d{2,4}
    private func numericDate(at index: Int, then next: Continuation) -> Int? {
        digits(1...2, at: index) { afterFirst in
            dateSeparator(at: afterFirst) { secondStart in
                digits(1...2, at: secondStart) { afterSecond in
                    dateSeparator(at: afterSecond) { yearStart in digits(2...4, at: yearStart, then: next) }
                }
            }
        }
    }

    /// [/.-]
    private func dateSeparator(at index: Int, then next: Continuation) -> Int? {
        byte("/", at: index, then: next) ?? byte(".", at: index, then: next) ?? byte("-", at: index, then: next)
    }

    /// ORDINAL?
    private func ordinalIfAny(at index: Int, then next: Continuation) -> Int? {
        literal("st", at: index, then: next)
            ?? literal("nd", at: index, then: next)
            ?? literal("rd", at: index, then: next)
            ?? literal("th", at: index, then: next)
            ?? next(index)
    }

    /// (?: WEEKDAY ,?\s+ )?
    private func weekdayIfAny(at index: Int, then next: Continuation) -> Int? {
        let withWeekday = weekday(at: index) { afterWeekday in
            optionalByte(",", at: afterWeekday) { afterComma in spaces(atLeast: 1, at: afterComma, then: next) }
        }
        return withWeekday ?? next(index)
    }

    /// WEEKDAY: a weekday's first three letters and any letters after them
    /// ("Tue", "Tues", "Tuesday", "Sunshine").
    private func weekday(at index: Int, then next: Continuation) -> Int? {
        func letters(_ afterStem: Int) -> Int? { repeated(Text.isASCIILetter, 0...Int.max, at: afterStem, then: next) }
        return literal("mon", at: index, then: letters)
            ?? literal("tue", at: index, then: letters)
            ?? literal("wed", at: index, then: letters)
            ?? literal("thu", at: index, then: letters)
            ?? literal("fri", at: index, then: letters)
            ?? literal("sat", at: index, then: letters)
            ?? literal("sun", at: index, then: letters)
    }

    /// MONTH. The stems differ by their first letter or (jan, jun, jul)
    /// their third: the first letter picks the choices to try, in the
    /// pattern's order.
    private func month(at index: Int, then next: Continuation) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] | 0x20 {
        case UInt8(ascii: "j"):
            return literal("jan", at: index) { afterStem in optionalLiteral("uary", at: afterStem, then: next) }
                ?? literal("jun", at: index) { afterStem in optionalLiteral("e", at: afterStem, then: next) }
                ?? literal("jul", at: index) { afterStem in optionalLiteral("y", at: afterStem, then: next) }
        case UInt8(ascii: "f"):
            return literal("feb", at: index) { afterStem in optionalLiteral("ruary", at: afterStem, then: next) }
        case UInt8(ascii: "m"):
            return literal("mar", at: index) { afterStem in optionalLiteral("ch", at: afterStem, then: next) }
                ?? literal("may", at: index, then: next)
        case UInt8(ascii: "a"):
            return literal("apr", at: index) { afterStem in optionalLiteral("il", at: afterStem, then: next) }
                ?? literal("aug", at: index) { afterStem in optionalLiteral("ust", at: afterStem, then: next) }
        case UInt8(ascii: "s"):
            // sep(?:t(?:ember)?)?
            return literal("sep", at: index) { afterStem in
                literal("t", at: afterStem) { afterT in optionalLiteral("ember", at: afterT, then: next) } ?? next(afterStem)
            }
        case UInt8(ascii: "o"):
            return literal("oct", at: index) { afterStem in optionalLiteral("ober", at: afterStem, then: next) }
        case UInt8(ascii: "n"):
            return literal("nov", at: index) { afterStem in optionalLiteral("ember", at: afterStem, then: next) }
        case UInt8(ascii: "d"):
            return literal("dec", at: index) { afterStem in optionalLiteral("ember", at: afterStem, then: next) }
        default:
            return nil
        }
    }

    /// CLOCK
    private func clock(at index: Int, then next: Continuation) -> Int? {
        digits(1...2, at: index) { afterHours in
            byte(":", at: afterHours) { minutesStart in
                digits(2...2, at: minutesStart) { afterMinutes in
                    secondsIfAny(at: afterMinutes) { afterSeconds in
                        spaces(atLeast: 0, at: afterSeconds) { afterSpaces in meridiemIfAny(at: afterSpaces, then: next) }
                    }
                }
            }
        }
    }

    /// (?: :\d{2} )?
    private func secondsIfAny(at index: Int, then next: Continuation) -> Int? {
        byte(":", at: index) { secondsStart in digits(2...2, at: secondsStart, then: next) } ?? next(index)
    }

    /// (?: [ap] \.? m \b \.? )?
    private func meridiemIfAny(at index: Int, then next: Continuation) -> Int? {
        func afterLetter(_ position: Int) -> Int? {
            optionalByte(".", at: position) { mStart in
                literal("m", at: mStart) { afterM in isWordBoundary(afterM) ? optionalByte(".", at: afterM, then: next) : nil }
            }
        }
        return literal("a", at: index, then: afterLetter) ?? literal("p", at: index, then: afterLetter) ?? next(index)
    }
}
