//! Dates in the mail state as `YYYY-MM-DD`: days only, never a time
//! (the outbox's security contract).

use serde::{Deserialize, Deserializer, Serializer};
use time::{Date, Month};

pub fn to_string(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

pub fn parse(s: &str) -> Option<Date> {
    let mut parts = s.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&to_string(*d))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let raw = String::deserialize(d)?;
    parse(&raw).ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
}

pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&super::to_string(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(raw) => super::parse(&raw)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date")),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_round_trip_and_nothing_finer_parses() {
        let d = crate::clock::day(2027, 1, 4);
        assert_eq!(super::to_string(d), "2027-01-04");
        assert_eq!(super::parse("2027-01-04"), Some(d));
        assert_eq!(super::parse("2027-01-04T10:00"), None);
        assert_eq!(super::parse("2027-13-04"), None);
    }
}
