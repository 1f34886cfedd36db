//! The arrest clock: minutes of CPR from the time of arrest. Pure arithmetic
//! on milliseconds; the shell reads the device clock and passes it in.

/// Minutes in IPG808 3.1's definition of refractory cardiac arrest.
pub const REFRACTORY_MINUTES: i64 = 30;

const MINUTE_MS: f64 = 60_000.0;
const DAY_MS: f64 = 24.0 * 60.0 * MINUTE_MS;

/// Whole minutes from `start_ms` to `now_ms` (0 if the start is in the future).
pub fn minutes_since(start_ms: f64, now_ms: f64) -> i64 {
    let m = ((now_ms - start_ms) / MINUTE_MS).floor();
    if m.is_finite() && m > 0.0 {
        m.min(1e9) as i64
    } else {
        0
    }
}

/// Seconds left until 30 minutes since `start_ms` (0 once reached).
pub fn seconds_to_refractory(start_ms: f64, now_ms: f64) -> i64 {
    let left = ((start_ms + REFRACTORY_MINUTES as f64 * MINUTE_MS - now_ms) / 1000.0).ceil();
    if left.is_finite() && left > 0.0 {
        left.min(1e9) as i64
    } else {
        0
    }
}

/// `mm:ss` for a count of seconds.
pub fn mm_ss(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// Reads `HH:MM` (24-hour), as a time input gives it.
pub fn parse_hh_mm(text: &str) -> Result<(u32, u32), String> {
    let bad = || {
        format!(
            "Time of arrest: expected a time such as 14:05, got \"{}\"",
            text.chars().take(20).collect::<String>()
        )
    };
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.get(..2).unwrap_or(m).parse().map_err(|_| bad())?;
    if h < 24 && m < 60 {
        Ok((h, m))
    } else {
        Err(bad())
    }
}

/// The most recent moment, at or before `now_ms`, whose local time of day is
/// `h:m`. `offset_minutes` is the local zone's offset as JavaScript's
/// `getTimezoneOffset` gives it (UTC minus local, in minutes).
pub fn start_from_time_of_day(now_ms: f64, offset_minutes: f64, h: u32, m: u32) -> f64 {
    let local_now = now_ms - offset_minutes * MINUTE_MS;
    let local_midnight = (local_now / DAY_MS).floor() * DAY_MS;
    let mut local_start = local_midnight + (f64::from(h) * 60.0 + f64::from(m)) * MINUTE_MS;
    if local_start > local_now {
        local_start -= DAY_MS; // a time later than now was yesterday
    }
    local_start + offset_minutes * MINUTE_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_and_time_left() {
        let t0 = 1_000_000.0;
        assert_eq!(minutes_since(t0, t0), 0);
        assert_eq!(minutes_since(t0, t0 + 59_999.0), 0);
        assert_eq!(minutes_since(t0, t0 + 60_000.0), 1);
        assert_eq!(minutes_since(t0, t0 - 60_000.0), 0);
        assert_eq!(minutes_since(t0, f64::NAN), 0);
        assert_eq!(seconds_to_refractory(t0, t0), 1800);
        assert_eq!(seconds_to_refractory(t0, t0 + 1_799_500.0), 1);
        assert_eq!(seconds_to_refractory(t0, t0 + 1_800_000.0), 0);
        assert_eq!(mm_ss(1800), "30:00");
        assert_eq!(mm_ss(61), "1:01");
    }

    #[test]
    fn time_of_day() {
        assert_eq!(parse_hh_mm("14:05"), Ok((14, 5)));
        assert_eq!(parse_hh_mm("09:30:00"), Ok((9, 30)));
        assert!(parse_hh_mm("24:00").is_err());
        assert!(parse_hh_mm("noon").is_err());
        assert!(parse_hh_mm("").is_err());
        // 2026-11-21 14:40 UTC, in London (offset 0): arrest at 14:05 was 35 minutes ago.
        let now = 1_795_219_200_000.0 + (14.0 * 60.0 + 40.0) * 60_000.0;
        let start = start_from_time_of_day(now, 0.0, 14, 5);
        assert_eq!(minutes_since(start, now), 35);
        // At UTC+1 (offset -60) the local time is 15:40: 14:05 local was 95 minutes ago.
        assert_eq!(minutes_since(start_from_time_of_day(now, -60.0, 14, 5), now), 95);
        // A time later than now was yesterday.
        assert_eq!(minutes_since(start_from_time_of_day(now, 0.0, 23, 0), now), 15 * 60 + 40);
    }
}
