use serde::{Deserialize, Serialize};

/// The `MS-RequestId` of one logical request: generated once, stored with the job that makes
/// the call, and sent again with every retry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RequestId(String);

impl RequestId {
    pub fn generate() -> RequestId {
        use rand::RngCore;
        let mut bytes = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        RequestId(guid(&bytes))
    }

    pub fn from_stored(stored: String) -> RequestId {
        RequestId(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of a further call that belongs to the same logical request (a job that creates
    /// a cart and then checks it out): different from this one and from every other step, and
    /// the same on every retry. `step` is 1 to 127.
    pub fn step(&self, step: u8) -> RequestId {
        let first = u8::from_str_radix(self.0.get(..2).unwrap_or("00"), 16).unwrap_or(0);
        let marked = first ^ (0x80 | (step & 0x7f));
        RequestId(format!(
            "{marked:02x}{}",
            self.0.get(2..).unwrap_or_default()
        ))
    }
}

/// 16 bytes in the GUID layout the vendor uses for ids (`8-4-4-4-12` hex digits).
pub fn guid(bytes: &[u8; 16]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_guids_and_differ() {
        let (a, b) = (RequestId::generate(), RequestId::generate());
        assert_ne!(a, b);
        let parts: Vec<usize> = a.as_str().split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }

    #[test]
    fn a_step_has_an_id_of_its_own_and_always_the_same() {
        let job = RequestId::from_stored("0f6bf25b-e0a8-4f2d-a31b-97b55cfc774d".to_owned());
        let checkout = job.step(1);
        assert_eq!(checkout.as_str(), "8e6bf25b-e0a8-4f2d-a31b-97b55cfc774d");
        assert_eq!(job.step(1), checkout);
        assert_ne!(job.step(2), checkout);
        assert_ne!(checkout, job);
    }
}
