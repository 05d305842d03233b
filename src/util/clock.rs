//! RFC 3339 UTC timestamps without a date crate: a civil-from-days conversion
//! (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        // A clock before 1970 is wrong, but not a reason to fail a save.
        .unwrap_or(0);
    rfc3339_from_unix(secs)
}

/// Seconds since the Unix epoch → `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339_from_unix(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 → (year, month 1–12, day 1–31).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// `2024-03-01T12:00:00Z` → `2024-03-01 12:00:00` (the form spreadsheet tools and
/// Readwise read); anything else is returned unchanged.
pub fn rfc3339_to_sql_datetime(ts: &str) -> String {
    match ts.strip_suffix('Z') {
        Some(s) if s.len() == 19 && s.as_bytes().get(10) == Some(&b'T') => s.replacen('T', " ", 1),
        _ => ts.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_dates() {
        assert_eq!(rfc3339_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_from_unix(1_709_294_400), "2024-03-01T12:00:00Z");
        assert_eq!(rfc3339_from_unix(1_735_689_599), "2024-12-31T23:59:59Z");
        assert_eq!(rfc3339_from_unix(-1), "1969-12-31T23:59:59Z");
        assert_eq!(rfc3339_from_unix(4_102_444_800), "2100-01-01T00:00:00Z");
    }

    #[test]
    fn days_round_trip_across_leap_rules() {
        // 1900 is not a leap year, 2000 is: walk day by day and check the calendar.
        let mut prev = civil_from_days(-25_567); // 1900-01-01
        assert_eq!(prev, (1900, 1, 1));
        for day in -25_566..60_000 {
            let cur = civil_from_days(day);
            let next_is_new_month = cur.2 == 1;
            if next_is_new_month {
                let len = prev.2;
                let leap = (prev.0 % 4 == 0 && prev.0 % 100 != 0) || prev.0 % 400 == 0;
                let expected = match prev.1 {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                assert_eq!(len, expected, "month {prev:?}");
            } else {
                assert_eq!(cur.2, prev.2 + 1);
            }
            prev = cur;
        }
    }

    #[test]
    fn now_looks_like_rfc3339() {
        let s = now_rfc3339();
        assert_eq!(s.len(), 20);
        assert!(s.ends_with('Z') && s.as_bytes()[10] == b'T', "{s}");
    }

    #[test]
    fn sql_datetime_form() {
        assert_eq!(rfc3339_to_sql_datetime("2024-03-01T12:00:00Z"), "2024-03-01 12:00:00");
        assert_eq!(rfc3339_to_sql_datetime("junk"), "junk");
    }
}
